// slog's default handler writes through the log package's standard
// logger, with its flags and to its output, and slog.SetDefault sends that
// logger's lines to the new handler. The cells' standard logger was not
// the process's: log.SetFlags(0) left slog's lines dated, log.SetOutput
// did not move them, and log.Printf after slog.SetDefault printed a plain
// line where Go prints level=INFO msg="bridged 2".
package main

import (
	"fmt"
	"log"
	"log/slog"
	"os"
)

func withoutTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

func main() {
	log.SetFlags(0)
	fmt.Println("start")
	slog.Info("default handler", "n", 1)
	log.SetPrefix("app: ")
	slog.Warn("prefixed")
	log.SetPrefix("")
	log.SetOutput(os.Stdout)
	slog.Error("now on stdout", "err", fmt.Errorf("disk full"))
	fmt.Println(log.Writer() == os.Stdout)

	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: withoutTime})))
	log.Printf("bridged %d", 2)
	log.Println("and", "again")
	slog.Info("text", "k", "v")
	fmt.Println("end")
}
