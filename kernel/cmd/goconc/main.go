// Command goconc is a Jupyter kernel for Go that shows what goroutines do.
//
// Usage:
//
//	goconc install [--user | --sys-prefix | --prefix DIR | --jupyter-path DIR]
//	goconc run [-o OUT | --inplace] [--timeout D] NOTEBOOK...
//	goconc kernel -f CONNECTION_FILE
//	goconc version
//
// install writes the kernel spec "goconc" so that Jupyter lists "Go (goconc)".
// run executes notebooks without Jupyter. kernel is what Jupyter starts.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/evaluator"
	"github.com/goconc/goconc/kernel/kernelspec"
	"github.com/goconc/goconc/kernel/session"
	"github.com/goconc/goconc/kernel/sockets"
	"github.com/goconc/goconc/kernel/supervisor"
)

// version is goconc's version; release builds set it with -ldflags.
var version = "0.1.0-dev"

const usage = `goconc: a Jupyter kernel for Go that shows what goroutines do

  goconc install [--user | --sys-prefix | --prefix DIR | --jupyter-path DIR]
                                     install the kernel spec "goconc" (default: --user)
  goconc run [-o OUT | --inplace] [--timeout D] NOTEBOOK...
                                     execute notebooks headlessly, without Jupyter
  goconc kernel -f CONNECTION_FILE   run the kernel (Jupyter starts this)
  goconc version                     print the versions of goconc, Go and Yaegi
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "kernel":
		err = runKernel(args)
	case "evaluator":
		err = evaluator.Serve(evalproto.ChildPipes())
	case "install":
		err = install(args)
	case "run":
		err = runNotebooks(args)
	case "version", "--version", "-version":
		fmt.Printf("goconc %s\n%s %s/%s\nyaegi %s\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH, yaegiVersion())
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "goconc: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goconc:", err)
		os.Exit(1)
	}
}

func yaegiVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/traefik/yaegi" {
				return d.Version
			}
		}
	}
	return "unknown"
}

// evaluatorCommand starts evaluators with this very binary.
func evaluatorCommand() (session.Command, error) {
	self, err := os.Executable()
	if err != nil {
		return session.Command{}, err
	}
	return session.Command{Path: self, Args: []string{"evaluator"}}, nil
}

func runKernel(args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ExitOnError)
	conn := fs.String("f", "", "the connection file Jupyter wrote")
	fs.Parse(args)
	if *conn == "" {
		return fmt.Errorf("kernel: -f CONNECTION_FILE is required (Jupyter passes it)")
	}
	ci, err := sockets.ReadConnectionFile(*conn)
	if err != nil {
		return err
	}
	cmd, err := evaluatorCommand()
	if err != nil {
		return err
	}
	logger := log.New(os.Stderr, "goconc: ", log.LstdFlags)
	// For goconc's developers: profile the kernel's process (the evaluator
	// has GOCONC_CPUPROFILE). The profile is written at a shutdown request.
	if path := os.Getenv("GOCONC_KERNEL_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	info := supervisor.Info{Version: version, GoVersion: runtime.Version(), Yaegi: yaegiVersion()}
	return supervisor.Run(ci, cmd, info, logger)
}

func install(args []string) error {
	fs := flag.NewFlagSet("install", flag.ExitOnError)
	var o kernelspec.Options
	fs.BoolVar(&o.User, "user", false, "install for the current user (the default)")
	fs.BoolVar(&o.SysPrefix, "sys-prefix", false, "install into the Python environment that runs Jupyter")
	fs.StringVar(&o.Prefix, "prefix", "", "install into `DIR`/share/jupyter/kernels")
	fs.StringVar(&o.Path, "jupyter-path", "", "install into `DIR`/kernels (a JUPYTER_PATH entry)")
	fs.StringVar(&o.Name, "name", kernelspec.Name, "the kernel's name")
	fs.StringVar(&o.Binary, "binary", "", "point the spec at this installed goconc `binary` instead of copying this one")
	fs.Parse(args)
	if !o.SysPrefix && o.Prefix == "" && o.Path == "" {
		o.User = true
	}
	dir, err := kernelspec.Install(o)
	if err != nil {
		return err
	}
	fmt.Printf("Installed kernel spec %q (%s) in %s\n", o.Name, kernelspec.DisplayName, dir)
	return nil
}
