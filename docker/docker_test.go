// Package docker holds the classroom image (Dockerfile, compose.yaml,
// jupyterhub/values.yaml) and the tests that check it on machines without a
// Docker engine: the files parse with the parsers the tools use, and say
// what a classroom needs.
package docker

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"gopkg.in/yaml.v3"
)

// instruction is one Dockerfile instruction, flattened.
type instruction struct {
	cmd   string // lower case: from, run, user...
	args  []string
	flags []string // --from=build, --chown=...
	line  int
}

func (in instruction) text() string { return strings.Join(in.args, " ") }

// stages parses a Dockerfile with BuildKit's parser and splits it into build
// stages.
func stages(t *testing.T, path string) [][]instruction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	var out [][]instruction
	for _, n := range res.AST.Children {
		in := instruction{cmd: strings.ToLower(n.Value), flags: n.Flags, line: n.StartLine}
		for a := n.Next; a != nil; a = a.Next {
			in.args = append(in.args, a.Value)
		}
		if in.cmd == "from" {
			out = append(out, nil)
		}
		if len(out) == 0 {
			continue // ARG before the first FROM
		}
		out[len(out)-1] = append(out[len(out)-1], in)
	}
	return out
}

// pinnedTag matches an image reference with an explicit tag that is not a
// moving one.
var pinnedTag = regexp.MustCompile(`^[a-z0-9.\-/]+:([0-9][0-9A-Za-z.\-]*)$`)

func TestDockerfile(t *testing.T) {
	all := stages(t, "Dockerfile")
	if len(all) < 2 {
		t.Fatalf("want a build stage and a final stage, found %d stage(s)", len(all))
	}
	for _, st := range all {
		image := st[0].args[0]
		if !pinnedTag.MatchString(image) {
			t.Errorf("line %d: FROM %s: pin the image by a version or date tag (not latest, not untagged)", st[0].line, image)
		}
	}
	final := all[len(all)-1]
	if base := final[0].args[0]; !strings.HasPrefix(base, "quay.io/jupyter/base-notebook:") && !strings.HasPrefix(base, "quay.io/jupyter/minimal-notebook:") {
		t.Errorf("final stage FROM %s: want a docker-stacks base-notebook or minimal-notebook image", base)
	}

	var lastUser instruction
	usedInstall := false
	for si, st := range all {
		for _, in := range st {
			text := in.text()
			switch in.cmd {
			case "run":
				if regexp.MustCompile(`(curl|wget)[^|]*\|\s*(sudo\s+)?(ba|z|da)?sh\b`).MatchString(text) {
					t.Errorf("line %d: RUN pipes a download into a shell: %s", in.line, text)
				}
				if strings.Contains(text, "docker/install.sh") || strings.Contains(text, "share/goconc/install.sh") {
					usedInstall = true
				}
			case "user":
				if si == len(all)-1 {
					lastUser = in
				}
			case "entrypoint", "cmd":
				if si == len(all)-1 {
					t.Errorf("line %d: %s replaces the docker-stacks start-up (start-notebook.py, jupyterhub-singleuser); keep the base image's", in.line, strings.ToUpper(in.cmd))
				}
			}
			if in.cmd == "env" || in.cmd == "copy" || in.cmd == "run" {
				for _, a := range in.args {
					if strings.Contains(a, "/home/") && strings.Contains(strings.ToLower(a), "goconc") && !strings.Contains(text, "GOCONC_COURSE") {
						t.Errorf("line %d: %s puts goconc under /home, which JupyterHub hides behind the student's volume", in.line, text)
					}
				}
			}
		}
	}
	if !usedInstall {
		t.Error("no RUN uses docker/install.sh: the image must install goconc with the script CI runs")
	}
	if lastUser.cmd == "" || lastUser.text() != "${NB_UID}" {
		t.Errorf("the final stage's last USER is %q; want USER ${NB_UID} so nothing runs as root", lastUser.text())
	}
	// Nothing after the last USER may switch back to root.
	after := false
	for _, in := range final {
		if in.line == lastUser.line {
			after = true
			continue
		}
		if after && in.cmd == "user" {
			t.Errorf("line %d: USER after the final USER ${NB_UID}", in.line)
		}
	}
	// The kernel and its spec live in /opt: check where the script is told to
	// install.
	for _, st := range all {
		for _, in := range st {
			if in.cmd == "run" && strings.Contains(in.text(), "install.sh") {
				m := regexp.MustCompile(`--prefix\s+(\S+)`).FindStringSubmatch(in.text())
				if m == nil || strings.HasPrefix(m[1], "/home") {
					t.Errorf("line %d: install.sh must be given a --prefix outside /home: %s", in.line, in.text())
				}
			}
		}
	}
}

func TestDockerfileCopiesExist(t *testing.T) {
	// COPY sources of the build stage are relative to the repository root.
	for _, st := range stages(t, "Dockerfile") {
		for _, in := range st {
			if in.cmd != "copy" || strings.Contains(strings.Join(in.flags, " "), "--from") {
				continue
			}
			for _, src := range in.args[:len(in.args)-1] {
				if strings.HasPrefix(src, "--") {
					continue
				}
				if _, err := os.Stat(filepath.Join("..", src)); err != nil {
					t.Errorf("line %d: COPY %s: %v", in.line, src, err)
				}
			}
		}
	}
}

func readYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s is not valid YAML: %v", path, err)
	}
	return doc
}

// get walks a YAML document along a dotted path.
func get(doc map[string]any, path string) (any, bool) {
	var cur any = doc
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func TestCompose(t *testing.T) {
	doc := readYAML(t, "compose.yaml")
	want := []string{
		"services.lab.build.dockerfile",
		"services.lab.image",
		"services.lab.ports",
		"services.lab.volumes",
		"services.lab.mem_limit",
		"services.hub.build.context",
		"services.hub.profiles",
		"services.hub.ports",
		"services.hub.volumes",
		"services.hub.environment",
		"networks.hub.name",
	}
	for _, p := range want {
		if _, ok := get(doc, p); !ok {
			t.Errorf("compose.yaml has no %s", p)
		}
	}
	if df, _ := get(doc, "services.lab.build.dockerfile"); df != "docker/Dockerfile" {
		t.Errorf("services.lab.build.dockerfile = %v, want docker/Dockerfile (context ..)", df)
	}
	if ctx, _ := get(doc, "services.hub.build.context"); ctx != nil {
		if _, err := os.Stat(filepath.Join(ctx.(string), "Dockerfile")); err != nil {
			t.Errorf("hub build context: %v", err)
		}
	}
	vols, _ := get(doc, "services.hub.volumes")
	if !strings.Contains(strings.Join(toStrings(vols), " "), "/var/run/docker.sock") {
		t.Error("the hub service does not mount the Docker socket: DockerSpawner cannot start student containers")
	}

	// Every variable the hub's config requires is passed by compose, and
	// the network it names is compose's.
	cfg, err := os.ReadFile("hub/jupyterhub_config.py")
	if err != nil {
		t.Fatal(err)
	}
	envs, _ := get(doc, "services.hub.environment")
	envMap, _ := envs.(map[string]any)
	for _, m := range regexp.MustCompile(`(?:env|password)\("([A-Z_]+)"`).FindAllStringSubmatch(string(cfg), -1) {
		if _, ok := envMap[m[1]]; !ok {
			t.Errorf("hub/jupyterhub_config.py reads %s, which compose.yaml does not set", m[1])
		}
	}
	net, _ := get(doc, "networks.hub.name")
	if envMap["GOCONC_NETWORK"] != net {
		t.Errorf("GOCONC_NETWORK = %v but the compose network is named %v: students could not reach the hub", envMap["GOCONC_NETWORK"], net)
	}
	if img, _ := get(doc, "services.lab.image"); envMap["GOCONC_IMAGE"] != img {
		t.Errorf("the hub spawns %v but compose builds %v", envMap["GOCONC_IMAGE"], img)
	}
}

func toStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func TestJupyterHubValues(t *testing.T) {
	doc := readYAML(t, "jupyterhub/values.yaml")
	for _, p := range []string{
		"singleuser.image.name", "singleuser.image.tag",
		"singleuser.memory.limit", "singleuser.memory.guarantee",
		"singleuser.cpu.limit", "singleuser.cpu.guarantee",
		"singleuser.defaultUrl", "singleuser.uid",
		"cull.enabled", "cull.timeout",
		"hub.config.JupyterHub.authenticator_class",
	} {
		if _, ok := get(doc, p); !ok {
			t.Errorf("values.yaml has no %s", p)
		}
	}
	if tag, _ := get(doc, "singleuser.image.tag"); tag == "latest" || tag == "" {
		t.Errorf("singleuser.image.tag = %v: pin it, or every node may run a different course", tag)
	}
	if on, _ := get(doc, "cull.enabled"); on != true {
		t.Error("cull.enabled must be true: idle servers hold a student's memory all day")
	}
	if uid, _ := get(doc, "singleuser.uid"); uid != 1000 {
		t.Errorf("singleuser.uid = %v, want 1000 (jovyan)", uid)
	}
}

// TestDefaultURLs checks that the pages the image, compose and the Helm
// values open on are notebooks of the course.
func TestDefaultURLs(t *testing.T) {
	re := regexp.MustCompile(`/lab/tree/goconc-course/([0-9A-Za-z._\-]+\.ipynb)`)
	for _, f := range []string{"install.sh", "hub/jupyterhub_config.py", "jupyterhub/values.yaml"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ms := re.FindAllStringSubmatch(string(b), -1)
		if len(ms) == 0 {
			t.Errorf("%s opens no course notebook", f)
		}
		for _, m := range ms {
			if _, err := os.Stat(filepath.Join("..", "notebooks", m[1])); err != nil {
				t.Errorf("%s opens %s, which is not in notebooks/", f, m[1])
			}
		}
	}
}

func TestCopyCourse(t *testing.T) {
	src, home := t.TempDir(), t.TempDir()
	for _, n := range []string{"01-a.ipynb", "02-b.ipynb", "README.md"} {
		if err := os.WriteFile(filepath.Join(src, n), []byte("course "+n), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(home, "goconc-course")
	run := func() string {
		t.Helper()
		cmd := exec.Command("bash", "copy-course.sh")
		cmd.Env = append(os.Environ(), "GOCONC_COURSE_SOURCE="+src, "GOCONC_COURSE_DIR="+dest, "NB_USER=nobody-here", "HOME="+home)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("copy-course.sh: %v\n%s", err, out)
		}
		return string(out)
	}
	read := func(n string) string {
		b, err := os.ReadFile(filepath.Join(dest, n))
		if err != nil {
			return "missing"
		}
		return string(b)
	}

	if out := run(); !strings.Contains(out, "3 notebook(s) copied") {
		t.Errorf("first start: %q", out)
	}
	// A student edits one notebook and deletes another; the course gains one.
	if err := os.WriteFile(filepath.Join(dest, "01-a.ipynb"), []byte("my answer"), 0o644); err != nil {
		t.Fatalf("the copied notebook is not writable by its student: %v", err)
	}
	os.Remove(filepath.Join(dest, "02-b.ipynb"))
	os.WriteFile(filepath.Join(src, "03-c.ipynb"), []byte("course 03-c.ipynb"), 0o444)
	run()
	for n, want := range map[string]string{
		"01-a.ipynb": "my answer",
		"02-b.ipynb": "course 02-b.ipynb",
		"03-c.ipynb": "course 03-c.ipynb",
		"README.md":  "course README.md",
	} {
		if got := read(n); got != want {
			t.Errorf("after the second start %s holds %q, want %q", n, got, want)
		}
	}

	// Sourced by run-hooks.sh, it must not end the caller, even on failure.
	cmd := exec.Command("bash", "-c", "source ./copy-course.sh; echo still-here")
	cmd.Env = append(os.Environ(), "GOCONC_COURSE_SOURCE="+src, "GOCONC_COURSE_DIR=/proc/no-such-place/course")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "still-here") || !strings.Contains(string(out), "could not copy") {
		t.Errorf("sourced with an unwritable destination: %q", out)
	}
}

func TestInstallScriptRefusesHome(t *testing.T) {
	out, err := exec.Command("bash", "install.sh", "--prefix", "/home/jovyan/goconc").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "under /home") {
		t.Errorf("install.sh --prefix /home/...: err %v, output %q", err, out)
	}
	out, err = exec.Command("bash", "install.sh").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--prefix DIR is required") {
		t.Errorf("install.sh without --prefix: err %v, output %q", err, out)
	}
}
