package store

import (
	"os"
	"strconv"
	"strings"

	"sinergi/assist"
)

// AssistanceConfig holds the deadline settings of Bantuan Kedinasan. It is
// read once from the environment:
//
//	SINERGI_BK_RESPONSE_DAYS   working days to answer a request (default 5)
//	SINERGI_HOLIDAYS           national holidays, "2026-08-17,2026-12-25,…"
//	                           (replaces the built-in 2026 list)
//	SINERGI_BK_DEEMED_GRANTED  "0" hides the "deemed granted" note on
//	                           overdue requests
var AssistanceConfig = assistanceConfigFromEnv(os.Getenv)

func assistanceConfigFromEnv(getenv func(string) string) assist.Config {
	c := assist.DefaultConfig()
	if n, err := strconv.Atoi(getenv("SINERGI_BK_RESPONSE_DAYS")); err == nil && n > 0 && n <= 100 {
		c.ResponseDays = n
	}
	if h := strings.TrimSpace(getenv("SINERGI_HOLIDAYS")); h != "" {
		c.Holidays = nil
		for _, d := range strings.Split(h, ",") {
			c.Holidays = append(c.Holidays, strings.TrimSpace(d))
		}
	}
	if getenv("SINERGI_BK_DEEMED_GRANTED") == "0" {
		c.DeemedGrantedNote = false
	}
	return c
}
