// Package kernelspec installs goconc's kernel spec where Jupyter looks for
// kernels, the way `jupyter kernelspec install` does, with a copy of the
// binary so that the spec keeps working after `go run` cleans up.
package kernelspec

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Name is the kernel's name in Jupyter.
const Name = "goconc"

// DisplayName is how frontends list the kernel.
const DisplayName = "Go (goconc)"

// Options says where to install.
type Options struct {
	User      bool   // the user's Jupyter data directory
	SysPrefix bool   // the Python environment running Jupyter
	Prefix    string // PREFIX/share/jupyter/kernels
	Path      string // a JUPYTER_PATH entry: PATH/kernels
	Name      string // default Name
	Binary    string // use this installed binary instead of copying the running one
}

// Spec is kernel.json.
type Spec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env"`
	Metadata      map[string]any    `json:"metadata"`
}

// Install writes the kernel spec and returns its directory.
func Install(o Options) (string, error) {
	if o.Name == "" {
		o.Name = Name
	}
	base, err := kernelsDir(o)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, o.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w (try --user, or run with the rights to write there)", dir, err)
	}
	bin := o.Binary
	if bin == "" {
		self, err := os.Executable()
		if err != nil {
			return "", fmt.Errorf("finding the goconc binary: %w", err)
		}
		bin = filepath.Join(dir, "goconc")
		if err := copyFile(self, bin); err != nil {
			return "", fmt.Errorf("copying the goconc binary into the kernel spec: %w", err)
		}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return "", err
	}
	spec := Spec{
		Argv:          []string{bin, "kernel", "-f", "{connection_file}"},
		DisplayName:   DisplayName,
		Language:      "go",
		InterruptMode: "message",
		Env:           map[string]string{},
		Metadata:      map[string]any{"debugger": false},
	}
	b, _ := json.MarshalIndent(spec, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(b, '\n'), 0o644); err != nil {
		return "", err
	}
	if err := writeLogos(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// kernelsDir returns the "kernels" directory for the options.
func kernelsDir(o Options) (string, error) {
	n := 0
	for _, set := range []bool{o.User, o.SysPrefix, o.Prefix != "", o.Path != ""} {
		if set {
			n++
		}
	}
	if n > 1 {
		return "", errors.New("choose one of --user, --sys-prefix, --prefix and --jupyter-path")
	}
	switch {
	case o.Prefix != "":
		return filepath.Join(o.Prefix, "share", "jupyter", "kernels"), nil
	case o.Path != "":
		return filepath.Join(o.Path, "kernels"), nil
	case o.SysPrefix:
		prefix, err := sysPrefix()
		if err != nil {
			return "", err
		}
		return filepath.Join(prefix, "share", "jupyter", "kernels"), nil
	}
	data, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(data, "kernels"), nil
}

// userDataDir is Jupyter's per-user data directory.
func userDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Jupyter"), nil
	case "windows":
		return filepath.Join(os.Getenv("APPDATA"), "jupyter"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter"), nil
	}
	return filepath.Join(home, ".local", "share", "jupyter"), nil
}

// sysPrefix finds the prefix of the Python environment that runs Jupyter.
func sysPrefix() (string, error) {
	for _, env := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
		if p := os.Getenv(env); p != "" {
			return p, nil
		}
	}
	python := "python3"
	if j, err := exec.LookPath("jupyter"); err == nil {
		if interp := shebang(j); interp != "" {
			python = interp
		}
	}
	out, err := exec.Command(python, "-c", "import sys; print(sys.prefix)").Output()
	if err != nil {
		return "", fmt.Errorf("--sys-prefix: cannot ask Python for its prefix (%v); use --prefix DIR instead", err)
	}
	return strings.TrimSpace(string(out)), nil
}

func shebang(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	if !strings.HasPrefix(line, "#!") {
		return ""
	}
	fields := strings.Fields(line[2:])
	if len(fields) == 0 {
		return ""
	}
	if filepath.Base(fields[0]) == "env" && len(fields) > 1 {
		return fields[1]
	}
	return fields[0]
}

func copyFile(src, dst string) error {
	if s, err := filepath.EvalSymlinks(src); err == nil {
		src = s
	}
	if d, err := filepath.EvalSymlinks(dst); err == nil && d == src {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
