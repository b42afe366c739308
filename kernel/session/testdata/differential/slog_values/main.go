// log/slog formats the notebook's values as Go's does: declared field names,
// String methods, LogValue methods, json for the JSON handler.
package main

import (
	"errors"
	"log/slog"
	"os"
	"time"
)

type User struct {
	ID    int
	Name  string
	token string
}

func (u User) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

type Point struct{ X, Y int }

func main() {
	opts := &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, opts))
	logger.Info("login", "user", User{1, "ann", "secret"}, "level", Level(1), "pt", Point{1, 2})
	logger.Debug("dbg", slog.Group("req", "method", "GET", "dur", 1500*time.Millisecond))
	logger.Warn("oops", "err", errors.New("boom"), "ptr", &Point{3, 4})
	jl := slog.New(slog.NewJSONHandler(os.Stdout, opts))
	jl.Info("json", "user", User{2, "bob", "x"}, "level", Level(0), "pt", Point{5, 6})
	l2 := logger.With("svc", "api").WithGroup("g")
	l2.Error("failed", "code", 500)
	logger.Info("attrs", slog.Any("u", User{3, "cy", ""}), slog.Group("grp", "lvl", Level(0), "users", []User{{4, "d", ""}}))
}
