package supervisor

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/goconc/goconc/kernel/wire"
)

func TestKernelInfoOnShellAndControl(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	for _, sock := range []zmq4.Socket{c.shell, c.control} {
		id := c.send(sock, "kernel_info_request", map[string]any{})
		r := c.recv(sock)
		info := content(r)
		li, _ := info["language_info"].(map[string]any)
		if r.Header.MsgType != "kernel_info_reply" || info["protocol_version"] != "5.3" || li["name"] != "go" || li["file_extension"] != ".go" {
			t.Errorf("reply %s %v", r.Header.MsgType, info)
		}
		var parent wire.Header
		json.Unmarshal(r.ParentHeader, &parent)
		if parent.MsgID != id {
			t.Errorf("reply parent %q, want %q", parent.MsgID, id)
		}
		msgs := c.iopubFor(id)
		if len(msgs) != 2 || state(msgs[0]) != "busy" || state(msgs[1]) != "idle" {
			t.Errorf("iopub around kernel_info: %d messages", len(msgs))
		}
	}
}

// The kernel answers before its evaluator is ready; an evaluator that
// never gets ready ends the kernel, which says why, rather than leaving a
// kernel that cannot run a cell.
func TestEvaluatorThatCannotStart(t *testing.T) {
	c, err := tryStartKernel(t, []string{"GOCONC_TEST_EVALUATOR=broken"})
	if err != nil {
		// It may exit before the client has dialed every port.
		if !strings.Contains(err.Error(), "no interpreter here") {
			t.Fatalf("the kernel exited without the evaluator's reason: %v", err)
		}
		return
	}
	defer c.close()
	select {
	case <-c.exited:
	case <-time.After(patience):
		t.Fatalf("the kernel kept running without an evaluator")
	}
	if code := c.cmd.ProcessState.ExitCode(); code == 0 {
		t.Errorf("the kernel exited with status 0")
	}
	if !strings.Contains(c.stderr.String(), "no interpreter here") {
		t.Errorf("the kernel's stderr lacks the evaluator's reason:\n%s", c.stderr.String())
	}
}

func TestExecuteMessages(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	id := c.send(c.shell, "execute_request", map[string]any{"code": "x := 20\nfmt.Println(\"hi\")\nx * 2 + 2", "silent": false,
		"store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true})
	reply := content(c.recv(c.shell))
	msgs := c.iopubFor(id)
	var kinds []string
	for _, m := range msgs {
		k := m.Header.MsgType
		if k == "status" {
			k += ":" + state(m)
		}
		kinds = append(kinds, k)
	}
	want := "status:busy execute_input stream execute_result status:idle"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("iopub = %s, want %s", got, want)
	}
	if reply["status"] != "ok" || reply["execution_count"] != 1.0 {
		t.Errorf("reply %v", reply)
	}
	for _, m := range msgs {
		if m.Header.MsgType == "execute_result" {
			data := content(m)["data"].(map[string]any)
			if data["text/plain"] != "42" || content(m)["execution_count"] != 1.0 {
				t.Errorf("result %v", content(m))
			}
		}
	}
	// Silent cells run but show nothing and do not count.
	r, outs := c.execute("fmt.Println(x)", map[string]any{"silent": true})
	if r["status"] != "ok" || len(outs) != 0 {
		t.Errorf("silent: %v %d outputs", r, len(outs))
	}
	r, _ = c.execute("x", nil)
	if r["execution_count"] != 2.0 {
		t.Errorf("count after silent cell = %v", r["execution_count"])
	}
}

func TestErrorIsOneOutput(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	for _, code := range []string{"y := 1 +", "var m map[string]int\nm[\"a\"] = 1", "undefinedName()"} {
		r, outs := c.execute(code, nil)
		if r["status"] != "error" || len(outs) != 1 || outs[0].Header.MsgType != "error" {
			t.Errorf("%q: reply %v with %d outputs", code, r["status"], len(outs))
		}
	}
}

func TestBadMessagesAreDropped(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	good, _ := wire.Reply(nil, c.session, "kernel_info_request", map[string]any{})
	frames, _ := c.codec.Encode(good)
	badSig := append([][]byte(nil), frames...)
	badSig[1] = []byte(strings.Repeat("0", 64))
	noDelim := [][]byte{[]byte("garbage")}
	fewFrames := frames[:3]
	badJSON := append([][]byte(nil), frames...)
	badJSON[2] = []byte("{not json")
	badJSON[1] = []byte(c.codec.Sign(badJSON[2], badJSON[3], badJSON[4], badJSON[5]))
	for _, f := range [][][]byte{badSig, noDelim, fewFrames, badJSON} {
		if err := c.shell.SendMulti(zmq4.NewMsgFrom(f...)); err != nil {
			t.Fatal(err)
		}
	}
	c.send(c.shell, "no_such_request", map[string]any{})
	// The kernel answers the next good request, and only that one.
	id := c.send(c.shell, "kernel_info_request", map[string]any{})
	r := c.recv(c.shell)
	var parent wire.Header
	json.Unmarshal(r.ParentHeader, &parent)
	if parent.MsgID != id {
		t.Fatalf("first reply after bad messages is for %q, want %q", parent.MsgID, id)
	}
	if rep, _ := c.execute("1 + 1", nil); rep["status"] != "ok" {
		t.Errorf("kernel not serving after bad messages: %v", rep)
	}
}

func TestInterruptRequest(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	c.execute("keep := 3", nil)
	reply, _, took := interrupt(c, "for {\n}", func() {
		c.send(c.control, "interrupt_request", map[string]any{})
		if r := c.recv(c.control); r.Header.MsgType != "interrupt_reply" {
			t.Fatalf("got %s", r.Header.MsgType)
		}
	})
	t.Logf("interrupted in %v", took)
	if reply["status"] != "error" || !strings.Contains(strings.ToLower(reply["ename"].(string)), "interrupt") {
		t.Errorf("reply %v", reply)
	}
	if r, outs := c.execute("keep", nil); r["status"] != "ok" || len(outs) != 1 {
		t.Errorf("state after interrupt: %v", r)
	}
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	req := func(code string) map[string]any {
		return map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{},
			"allow_stdin": false, "stop_on_error": true}
	}
	// The first cell fails once the test says so, when the kernel has the
	// two others queued: it answers kernel_info at once, in the order its
	// requests came, so that reply means the two are in its queue.
	release := filepath.Join(t.TempDir(), "release")
	c.send(c.shell, "execute_request", req(fmt.Sprintf("for {\n\tif _, err := os.Stat(%q); err == nil {\n\t\tbreak\n\t}\n\ttime.Sleep(10 * time.Millisecond)\n}\npanic(\"first fails\")", release)))
	c.send(c.shell, "execute_request", req("fmt.Println(\"must not run\")"))
	c.send(c.shell, "execute_request", req("fmt.Println(\"must not run either\")"))
	c.send(c.shell, "kernel_info_request", map[string]any{})
	if r := c.recv(c.shell); r.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("got %s before the kernel_info_reply", r.Header.MsgType)
	}
	if err := os.WriteFile(release, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for i := 0; i < 3; i++ {
		statuses = append(statuses, content(c.recv(c.shell))["status"].(string))
	}
	if got := strings.Join(statuses, " "); got != "error aborted aborted" {
		t.Errorf("statuses = %s", got)
	}
	if r, _ := c.execute("1", nil); r["status"] != "ok" {
		t.Errorf("after aborts: %v", r)
	}
}

func TestHeartbeat(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	for i := 0; i < 3; i++ {
		if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
			t.Fatal(err)
		}
		m, err := c.hb.Recv()
		if err != nil || string(m.Frames[0]) != "ping" {
			t.Fatalf("heartbeat: %v %q", err, m.Frames)
		}
	}
}

func TestShutdown(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	c.send(c.control, "shutdown_request", map[string]any{"restart": false})
	if r := c.recv(c.control); r.Header.MsgType != "shutdown_reply" {
		t.Fatalf("got %s", r.Header.MsgType)
	}
	select {
	case <-c.exited:
	case <-time.After(patience):
		t.Fatalf("kernel did not exit within %v of shutdown_request", patience)
	}
}

// Jupyter kills a kernel that does not shut down in time: nothing of it
// may stay in the temporary directory, which a classroom's container
// keeps for weeks.
func TestKilledKernelLeavesNoFiles(t *testing.T) {
	tmp := t.TempDir()
	c := startKernel(t, "TMPDIR="+tmp)
	c.waitReady()
	if r, _ := c.execute("go func() {}()", nil); r["status"] != "ok" {
		t.Fatalf("cell: %v", r)
	}
	c.cmd.Process.Kill()
	<-c.exited
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Errorf("the killed kernel left %v in its temporary directory", names)
	}
}

func TestStdin(t *testing.T) {
	c := startKernel(t)
	stdin := zmq4.NewDealer(context.Background(), append(redial, zmq4.WithID(zmq4.SocketIdentity(c.session)))...)
	defer stdin.Close()
	if err := c.dial(stdin, c.ports[2]); err != nil {
		t.Fatal(err)
	}
	c.waitReady()
	id := c.send(c.shell, "execute_request", map[string]any{"code": "sc := bufio.NewScanner(os.Stdin)\nsc.Scan()\nfmt.Println(\"got\", sc.Text())",
		"silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": true, "stop_on_error": true})
	req := c.recv(stdin)
	if req.Header.MsgType != "input_request" {
		t.Fatalf("got %s on stdin", req.Header.MsgType)
	}
	reply, _ := wire.Reply(req, c.session, "input_reply", map[string]any{"value": "gopher"})
	reply.Identities = nil
	frames, _ := c.codec.Encode(reply)
	stdin.SendMulti(zmq4.NewMsgFrom(frames...))
	if r := content(c.recv(c.shell)); r["status"] != "ok" {
		t.Fatalf("reply %v", r)
	}
	var outs []*wire.Message
	for _, m := range c.iopubFor(id) {
		outs = append(outs, m)
	}
	if got := streamText(outs); got != "got gopher\n" {
		t.Errorf("output %q", got)
	}
	// Without allow_stdin, reading gets end of file at once, with a note.
	r, outs := c.execute("data, err := io.ReadAll(os.Stdin)\nfmt.Println(len(data), err)", nil)
	if r["status"] != "ok" || !strings.Contains(streamText(outs), "allow_stdin is false") || !strings.Contains(streamText(outs), "0 <nil>") {
		t.Errorf("no-stdin read: %v %q", r["status"], streamText(outs))
	}
}

// A goroutine printing after its cell ended prints into the cell running
// then: frontends drop output parented to a request they are done with.
func TestLateOutputGoesToTheRunningCell(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	// The goroutine prints once the second cell runs (it sleeps meanwhile,
	// so it is no leak), and the second cell goes on once it has printed.
	r, outs := c.execute("%timeline off\nvar secondRuns atomic.Bool\nprinted := make(chan bool)\ngo func() {\n\tfor !secondRuns.Load() {\n\t\ttime.Sleep(5 * time.Millisecond)\n\t}\n\tfmt.Println(\"late\")\n\tclose(printed)\n}()\nfmt.Println(\"first\")", nil)
	if r["status"] != "ok" || streamText(outs) != "first\n" {
		t.Fatalf("first cell: %v %q", r, streamText(outs))
	}
	r, outs = c.execute("secondRuns.Store(true)\n<-printed\nfmt.Println(\"second\")", nil)
	if got := streamText(outs); r["status"] != "ok" || got != "late\nsecond\n" {
		t.Errorf("second cell: %v, stream %q, want the first cell's late line then its own", r, got)
	}
}
