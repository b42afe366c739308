package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/notebook"
	"github.com/goconc/goconc/kernel/session"
)

func runNotebooks(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	out := fs.String("o", "", "write the executed notebook to `OUT` (a directory if several notebooks)")
	inplace := fs.Bool("inplace", false, "write the outputs back into each notebook")
	timeout := fs.Duration("timeout", 10*time.Minute, "stop a cell that runs longer than `D`")
	quiet := fs.Bool("q", false, "do not print the cells' outputs")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: goconc run [-o OUT | --inplace] [--timeout D] [-q] NOTEBOOK...")
		fs.PrintDefaults()
	}
	// Accept flags after the notebooks too: goconc run nb.ipynb -o out.ipynb.
	var files []string
	for len(args) > 0 {
		fs.Parse(args)
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) == 0 {
		fs.Usage()
		return errors.New("run: no notebook given")
	}
	if *out != "" && *inplace {
		return errors.New("run: -o and --inplace exclude each other")
	}
	if len(files) > 1 && *out != "" {
		if fi, err := os.Stat(*out); err != nil || !fi.IsDir() {
			return fmt.Errorf("run: with several notebooks, -o must be an existing directory")
		}
	}
	cmd, err := evaluatorCommand()
	if err != nil {
		return err
	}
	var echo io.Writer = os.Stdout
	if *quiet {
		echo = nil
	}
	for _, file := range files {
		nb, err := notebook.Read(file)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		fmt.Fprintf(os.Stderr, "goconc: running %s\n", file)
		s, err := session.New(cmd, log.New(os.Stderr, "goconc: ", 0))
		if err != nil {
			return err
		}
		runErr := notebook.Run(context.Background(), s, nb, notebook.Options{Timeout: *timeout, Progress: os.Stderr, Echo: echo})
		s.Close()
		dst := ""
		switch {
		case *inplace:
			dst = file
		case *out != "" && len(files) > 1:
			dst = filepath.Join(*out, filepath.Base(file))
		case *out != "":
			dst = *out
		}
		if dst != "" {
			if err := nb.Write(dst); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "goconc: wrote %s\n", dst)
		}
		if runErr != nil {
			var ce *notebook.CellError
			if errors.As(runErr, &ce) {
				return fmt.Errorf("%s: cell %d failed: %s: %s\n%s", file, ce.Index+1, ce.Ename, ce.Evalue, indent(ce.Traceback))
			}
			return fmt.Errorf("%s: %w", file, runErr)
		}
	}
	return nil
}

func indent(lines []string) string {
	return "  " + strings.Join(lines, "\n  ")
}
