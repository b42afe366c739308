// Package gotool runs a notebook cell as a real Go program with the Go
// toolchain: built with the race detector and run (%%race), or checked by
// go vet (%%vet). Interpreted code cannot run under the race detector; a
// compiled copy of the cell can.
//
// The program comes from program.Standalone, whose line directives name
// cells, so that reports say "[4]:7" instead of a temporary file.
package gotool

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

// Mode is what to do with a cell.
type Mode string

// Modes.
const (
	Race Mode = "race" // build with -race and run
	Vet  Mode = "vet"  // go vet
)

// Report is what a run found.
type Report struct {
	Races    []DataRace // data races the race detector reported
	Findings []string   // vet's findings, at cell positions
	ExitCode int        // the program's exit status (Race)
	Build    time.Duration
	Run      time.Duration
}

// DataRace is one data race: two accesses to one variable, at least one a
// write, by goroutines not ordered by synchronization.
type DataRace struct {
	Access, Previous Access
}

// Access is one side of a race.
type Access struct {
	Op        string // "write", "read"
	Pos       string // where, as "[4]:7"
	Goroutine string // its number in the report
	Created   string // where the goroutine was started, if known
}

func (a Access) String() string {
	s := a.Op + " at " + a.Pos
	if a.Created != "" {
		if strings.HasPrefix(a.Created, "[") {
			s += " by the goroutine started at " + a.Created
		} else {
			// Started in compiled code (wg.Go, errgroup's Go): the race
			// detector records only that frame.
			s += " by a goroutine started in " + a.Created
		}
	} else if a.Goroutine != "" {
		s += " by goroutine " + a.Goroutine
	}
	return s
}

// Run builds program (the source of package main) in a temporary module and
// runs it under the race detector, or vets it. The program's output and
// the tool's messages go to stdout and stderr as they come. Cancelling ctx
// kills what runs. Errors say what is missing (the go command, a C
// compiler, a module) or quote the build's errors.
func Run(ctx context.Context, mode Mode, program string, stdout, stderr io.Writer) (*Report, error) {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	goBin, err := goCommand()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "goconc-"+string(mode)+"-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	gomod := fmt.Sprintf("module notebook\n\ngo %s\n", goVersion())
	for _, m := range []string{"golang.org/x/sync", "golang.org/x/time", "golang.org/x/tour"} {
		if v := moduleVersion(m); v != "" && strings.Contains(program, `"`+m+`/`) {
			// The version goconc was built with: likely in the module cache.
			gomod += "\nrequire " + m + " " + v + "\n"
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "cell.go"), []byte(program), 0o644); err != nil {
		return nil, err
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	if needsModules(program) {
		if out, err := command(ctx, dir, env, goBin, "mod", "tidy").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("fetching the modules the cell imports failed (they come from the module cache or the Go module proxy):\n%s", strings.TrimSpace(string(out)))
		}
	}
	r := &Report{}
	switch mode {
	case Vet:
		start := time.Now()
		out, err := command(ctx, dir, env, goBin, "vet", ".").CombinedOutput()
		r.Build = time.Since(start)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		r.Findings = findings(string(out))
		if err != nil && len(r.Findings) == 0 {
			return nil, fmt.Errorf("go vet failed:\n%s", strings.TrimSpace(string(out)))
		}
		return r, nil
	case Race:
		start := time.Now()
		out, err := command(ctx, dir, append(env, "CGO_ENABLED=1"), goBin, "build", "-race", "-o", "cell", ".").CombinedOutput()
		r.Build = time.Since(start)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			return nil, buildError(string(out))
		}
		start = time.Now()
		var report bytes.Buffer
		run := command(ctx, dir, append(os.Environ(), "GORACE=halt_on_error=0 atexit_sleep_ms=0"), filepath.Join(dir, "cell"))
		run.Stdout = stdout
		run.Stderr = io.MultiWriter(stderr, &report)
		err = run.Run()
		r.Run = time.Since(start)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			r.ExitCode = exit.ExitCode()
		} else if err != nil {
			return nil, err
		}
		r.Races = races(report.String())
		return r, nil
	}
	return nil, fmt.Errorf("gotool: unknown mode %q", mode)
}

// goPlaces are where the go command is looked for when it is not on PATH:
// kernels started by Jupyter often have a short PATH.
var goPlaces = []string{filepath.Join(runtime.GOROOT(), "bin", "go"), "/usr/local/go/bin/go"}

// goCommand finds the go command.
func goCommand() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	for _, p := range goPlaces {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("%%race and %%vet need the Go toolchain, and the go command is not on the PATH of the kernel: " +
		"install Go (https://go.dev/dl, or your system's package) and restart the kernel")
}

func goVersion() string {
	v := strings.TrimPrefix(runtime.Version(), "go")
	if parts := strings.Split(v, "."); len(parts) >= 2 {
		return parts[0] + "." + strings.TrimFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' })
	}
	return "1.26"
}

// moduleVersion returns the version of the module at path this binary
// uses, or "". A variable: test binaries carry no module versions.
var moduleVersion = builtVersion

func builtVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == path {
				return d.Version
			}
		}
	}
	return ""
}

// needsModules reports whether program imports packages from outside the
// standard library.
func needsModules(program string) bool {
	for _, line := range strings.Split(program, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "import" {
			path := strings.Trim(f[len(f)-1], `"`)
			if strings.Contains(strings.Split(path, "/")[0], ".") {
				return true
			}
		}
	}
	return false
}

// command makes a command that is killed with ctx, with its whole
// process group.
func command(ctx context.Context, dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	setProcessGroup(cmd)
	return cmd
}

// buildError explains a failed build.
func buildError(out string) error {
	out = strings.TrimSpace(out)
	lower := strings.ToLower(out)
	if strings.Contains(lower, "cgo") || strings.Contains(lower, "c compiler") || strings.Contains(lower, "gcc") {
		return fmt.Errorf("the race detector needs a C compiler (cgo), and none was found: install one (apt-get install gcc) and run the cell again:\n%s", out)
	}
	return fmt.Errorf("the cell does not build as a Go program:\n%s", out)
}

// findings returns vet's messages, one a line, without its header lines.
func findings(out string) []string {
	var fs []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs = append(fs, strings.TrimPrefix(l, "vet: "))
	}
	return fs
}

var (
	accessRE  = regexp.MustCompile(`^(Previous )?(Read|Write|read|write)( of size \d+)? at 0x[0-9a-f]+ by (main )?goroutine ?(\d*)`)
	createdRE = regexp.MustCompile(`^Goroutine (\d+) \(.*\) created at:`)
	posRE     = regexp.MustCompile(`^\s+(\S+:\d+)( \+0x[0-9a-f]+)?$`)
)

// races parses the race detector's reports.
func races(report string) []DataRace {
	var found []*DataRace
	var cur *DataRace
	var access *Access
	created := map[string]string{}
	var creating string
	var inRace []*Access
	sc := bufio.NewScanner(strings.NewReader(report))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	fn := "" // the function line before a position line
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "WARNING: DATA RACE":
			cur = &DataRace{}
			found = append(found, cur)
			access, creating = nil, ""
		case cur == nil:
		case accessRE.MatchString(line):
			m := accessRE.FindStringSubmatch(line)
			a := &cur.Access
			if m[1] != "" {
				a = &cur.Previous
			}
			a.Op, a.Goroutine = strings.ToLower(m[2]), m[5]
			if m[4] != "" {
				a.Goroutine = "main"
			}
			access, creating = a, ""
			inRace = append(inRace, a)
		case createdRE.MatchString(line):
			creating, access = createdRE.FindStringSubmatch(line)[1], nil
		case posRE.MatchString(line):
			pos := posRE.FindStringSubmatch(line)[1]
			if access != nil && access.Pos == "" {
				access.Pos = pos
			} else if creating != "" && (created[creating] == "" || !strings.HasPrefix(created[creating], "[")) {
				// The first frame in a cell; else the function that
				// started the goroutine.
				if strings.HasPrefix(pos, "[") {
					created[creating] = pos
				} else if created[creating] == "" {
					created[creating] = strings.TrimSuffix(strings.TrimSpace(fn), "()")
				}
			}
		case strings.HasPrefix(line, "=================="):
			cur, access, creating = nil, nil, ""
		}
		if !posRE.MatchString(line) {
			fn = line
		}
	}
	for _, a := range inRace {
		a.Created = created[a.Goroutine]
	}
	out := make([]DataRace, len(found))
	for i, r := range found {
		out[i] = *r
	}
	return out
}

// setProcessGroup makes cmd a process group of its own, killed whole when
// its context is cancelled: a program may have started others.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
}
