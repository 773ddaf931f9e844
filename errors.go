// Package sinergi holds the domain types of Sinergi: organisations, accounts,
// roles and the error type every layer uses. Packages below it implement
// storage (store), HTTP (web) and pure rules (region, audit, …).
package sinergi

import (
	"errors"
	"fmt"
)

// Code is the stable, machine-readable kind of an error. One table in the web
// package maps each code to an HTTP status.
type Code string

const (
	CodeInvalid            Code = "invalid"
	CodeNotFound           Code = "not_found"
	CodeConflict           Code = "conflict"
	CodeForbidden          Code = "forbidden"
	CodeUnauthorized       Code = "unauthorized"
	CodePreconditionFailed Code = "precondition_failed"
	CodeTooManyRequests    Code = "too_many_requests"
	CodeTooLarge           Code = "too_large"
	CodeRuleViolation      Code = "rule_violation"
	CodeInternal           Code = "internal"
)

// Text is a message in Indonesian (the default) and English.
type Text struct {
	ID string `json:"id"`
	EN string `json:"en"`
}

// In returns the message for lang ("en" or anything else for Indonesian).
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ID
}

// T builds a Text.
func T(id, en string) Text { return Text{ID: id, EN: en} }

// FieldError names one invalid input field.
type FieldError struct {
	Field string
	Msg   Text
}

// Error is the one error type of the domain. Rule violations carry the rule
// id (e.g. BK-EMERGENCY) and its legal citation.
type Error struct {
	Code     Code
	Msg      Text
	Fields   []FieldError
	Rule     string
	Citation string
	Err      error // wrapped cause, never shown to users
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.Msg.EN
	if e.Rule != "" {
		s += " [" + e.Rule + "]"
	}
	for _, f := range e.Fields {
		s += "; " + f.Field + ": " + f.Msg.EN
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an error with a code and a bilingual message.
func Errorf(code Code, id, en string, args ...any) *Error {
	if len(args) > 0 {
		id = fmt.Sprintf(id, args...)
		en = fmt.Sprintf(en, args...)
	}
	return &Error{Code: code, Msg: T(id, en)}
}

// NotFound is the error for a missing record of the named kind.
func NotFound(kindID, kindEN string) *Error {
	return Errorf(CodeNotFound, kindID+" tidak ditemukan", kindEN+" not found")
}

// Forbidden is the error for an action the actor may not take.
func Forbidden() *Error {
	return Errorf(CodeForbidden, "Anda tidak berwenang melakukan tindakan ini", "You are not allowed to do this")
}

// Unauthorized is the error for a missing or invalid login.
func Unauthorized() *Error {
	return Errorf(CodeUnauthorized, "Silakan masuk terlebih dahulu", "Please log in first")
}

// Stale is the error for an update based on an old version (If-Match).
func Stale() *Error {
	return Errorf(CodePreconditionFailed,
		"Data telah diubah oleh orang lain sejak Anda membukanya; muat ulang lalu ulangi perubahan",
		"The record was changed by someone else since you opened it; reload and try again")
}

// ErrorCode returns the code of err, CodeInternal for foreign errors.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// Validation collects field errors and turns them into one invalid error.
type Validation struct{ Fields []FieldError }

// Add records a problem with field.
func (v *Validation) Add(field, id, en string) {
	v.Fields = append(v.Fields, FieldError{Field: field, Msg: T(id, en)})
}

// Err returns nil when nothing was added.
func (v *Validation) Err() error {
	if len(v.Fields) == 0 {
		return nil
	}
	n := len(v.Fields)
	return &Error{Code: CodeInvalid, Fields: v.Fields,
		Msg: T(fmt.Sprintf("Ada %d masalah pada isian", n), fmt.Sprintf("There %s %d problem%s with the input", plural(n, "is", "are"), n, plural(n, "", "s")))}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
