package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"sinergi/demo"
	"sinergi/store"
	"sinergi/store/storetest"
	"sinergi/web"
)

// chromium returns the browser to drive: $SINERGI_TEST_CHROMIUM or the one
// on PATH. Without one the test is skipped, except in CI where it fails.
func chromium(t *testing.T) string {
	if p := os.Getenv("SINERGI_TEST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found; CI must install it")
	}
	t.Skip("no Chromium found (apt-get install chromium)")
	return ""
}

// newBrowser starts a headless Chromium with the flags this machine needs.
func newBrowser(t *testing.T) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	return ctx
}

// shotDir is where screenshots go: $SINERGI_SCREENSHOTS or the test's temp dir.
func shotDir(t *testing.T) string {
	if d := os.Getenv("SINERGI_SCREENSHOTS"); d != "" {
		os.MkdirAll(d, 0o755)
		return d
	}
	return t.TempDir()
}

func TestBrowserDemoLogin(t *testing.T) {
	db := demoDB(t)
	srv := serveDB(t, db)
	ctx := newBrowser(t)

	// every console error or uncaught exception (a CSP violation, say) fails the test
	var (
		mu       sync.Mutex
		problems []string
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				problems = append(problems, "console error")
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, ev.ExceptionDetails.Text)
		}
	}); err != nil {
		t.Fatal(err)
	}

	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "anggota.maros@sinergi.test"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), demo.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=stats]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	heading := text(t, ctx, "h1")
	if !strings.Contains(heading, "Selamat datang") {
		t.Fatalf("dashboard heading %q", heading)
	}
	if stats := text(t, ctx, "[data-testid=stats]"); !strings.Contains(stats, "Instansi") || !strings.Contains(stats, "15") {
		t.Fatalf("dashboard figures %q", stats)
	}
	dir := shotDir(t)
	for _, width := range []int64{360, 1440} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("dashboard-%d.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// search the registry the way a person does
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(srv.URL+"/organizations"),
		chromedp.WaitVisible(chromedp.CSS("#f-q")),
		chromedp.SendKeys(chromedp.CSS("#f-q"), "maros"),
		chromedp.Submit(chromedp.CSS("#f-q")),
		chromedp.WaitVisible(chromedp.CSS("[data-testid=count]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if count := waitText(t, ctx, "[data-testid=count]", "3 instansi"); count != "3 instansi" {
		t.Fatalf("search for maros: got %q, want 3 organisations", count)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		t.Fatalf("browser reported problems: %v", problems)
	}
}

func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// waitText reads an element's text until it equals want (the page may still
// be loading after a submit) and returns the last text read.
func waitText(t *testing.T, ctx context.Context, css, want string) string {
	t.Helper()
	var got string
	for range 100 {
		// while the next page loads the old node may vanish: read again
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
		if got = s; err == nil && got == want {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	return got
}

// demoDB is a fresh database with the demo loaded.
func demoDB(t *testing.T) *store.DB {
	t.Helper()
	db := storetest.Open(t)
	if _, err := demo.Load(sys, db); err != nil {
		t.Fatal(err)
	}
	return db
}

// serveDB serves db's web UI and API until the test ends.
func serveDB(t *testing.T, db *store.DB) *httptest.Server {
	srv := httptest.NewServer(web.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), "test").Handler())
	t.Cleanup(srv.Close)
	return srv
}
