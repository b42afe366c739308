package kernelspec

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallPlaces(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("JUPYTER_DATA_DIR", filepath.Join(tmp, "data"))
	tests := []struct {
		opts Options
		want string
	}{
		{Options{User: true}, filepath.Join(tmp, "data", "kernels", "goconc")},
		{Options{Prefix: filepath.Join(tmp, "prefix")}, filepath.Join(tmp, "prefix", "share", "jupyter", "kernels", "goconc")},
		{Options{Path: filepath.Join(tmp, "jp"), Name: "goconc-test"}, filepath.Join(tmp, "jp", "kernels", "goconc-test")},
	}
	for _, tt := range tests {
		dir, err := Install(tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if dir != tt.want {
			t.Errorf("installed in %s, want %s", dir, tt.want)
		}
		b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
		if err != nil {
			t.Fatal(err)
		}
		var spec Spec
		if err := json.Unmarshal(b, &spec); err != nil {
			t.Fatal(err)
		}
		if spec.DisplayName != "Go (goconc)" || spec.Language != "go" || spec.InterruptMode != "message" {
			t.Errorf("spec = %+v", spec)
		}
		if !filepath.IsAbs(spec.Argv[0]) || spec.Argv[len(spec.Argv)-1] != "{connection_file}" {
			t.Errorf("argv = %q", spec.Argv)
		}
		if fi, err := os.Stat(spec.Argv[0]); err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("binary %s not installed as an executable: %v", spec.Argv[0], err)
		}
		for _, logo := range []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"} {
			if _, err := os.Stat(filepath.Join(dir, logo)); err != nil {
				t.Errorf("missing %s", logo)
			}
		}
	}
	if _, err := Install(Options{User: true, Prefix: tmp}); err == nil {
		t.Error("two destinations accepted")
	}
}
