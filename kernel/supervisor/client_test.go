package supervisor

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/evaluator"
	"github.com/goconc/goconc/kernel/session"
	"github.com/goconc/goconc/kernel/sockets"
	"github.com/goconc/goconc/kernel/wire"
)

// The test binary doubles as the kernel and as its evaluator, so that the
// tests drive a real kernel process over real ZeroMQ sockets.
func TestMain(m *testing.M) {
	switch os.Getenv("GOCONC_TEST_ROLE") {
	case "evaluator":
		if err := evaluator.Serve(evalproto.ChildPipes()); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	case "broken-evaluator":
		fmt.Fprintln(os.Stderr, "no interpreter here")
		os.Exit(3)
	case "kernel":
		ci, err := sockets.ReadConnectionFile(os.Getenv("GOCONC_TEST_CONN"))
		if err != nil {
			log.Fatal(err)
		}
		exe, _ := os.Executable()
		cmd := session.Command{Path: exe, Env: []string{"GOCONC_TEST_ROLE=evaluator"}}
		if os.Getenv("GOCONC_TEST_EVALUATOR") == "broken" {
			cmd.Env = []string{"GOCONC_TEST_ROLE=broken-evaluator"}
		}
		info := Info{Version: "test", GoVersion: runtime.Version(), Yaegi: "v0.16.1"}
		if err := Run(ci, cmd, info, log.New(os.Stderr, "kernel: ", 0)); err != nil {
			log.Fatal(err)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// client talks to a kernel process as a Jupyter frontend does.
type client struct {
	t       testing.TB
	cmd     *exec.Cmd
	codec   *wire.Codec
	shell   zmq4.Socket
	control zmq4.Socket
	iopub   zmq4.Socket
	hb      zmq4.Socket
	session string
	iopubCh chan *wire.Message
	exited  chan struct{}
	stderr  syncBuffer // the kernel's stderr, also copied to the test's
	started time.Time

	shellEndpoint string
	ports         []int
}

// patience bounds every wait for something the kernel must do (bind its
// sockets, reply, go idle). It is no measure of speed: a -race kernel on a
// loaded 2-core machine, beside other packages' tests, can take many
// seconds where an idle one takes milliseconds. Tests that measure speed
// time the operation themselves.
const patience = 3 * time.Minute

func freePorts(t testing.TB, n int) []int {
	var ports []int
	var ls []net.Listener
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// startKernel starts a kernel process and connects to it; env holds extra
// environment variables, which its evaluators inherit.
func startKernel(t testing.TB, env ...string) *client {
	// The ports are free when chosen, but another process may take one
	// before the kernel binds it: then the kernel exits at once, and a
	// fresh set of ports is tried.
	for try := 1; ; try++ {
		c, err := tryStartKernel(t, env)
		if err == nil {
			t.Cleanup(c.close)
			return c
		}
		if !errors.Is(err, errPortTaken) || try == 5 {
			t.Fatal(err)
		}
		t.Logf("try %d: %v; trying other ports", try, err)
	}
}

var errPortTaken = errors.New("a port was taken before the kernel could bind it")

func tryStartKernel(t testing.TB, env []string) (*client, error) {
	p := freePorts(t, 5)
	ci := sockets.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], IOPubPort: p[1], StdinPort: p[2],
		ControlPort: p[3], HBPort: p[4], Key: "test-key-" + wire.NewID(), SignatureScheme: "hmac-sha256"}
	dir := t.TempDir()
	conn := filepath.Join(dir, "conn.json")
	b, _ := json.Marshal(ci)
	os.WriteFile(conn, b, 0o600)
	exe, _ := os.Executable()
	c := &client{t: t, session: wire.NewID(), iopubCh: make(chan *wire.Message, 10000), exited: make(chan struct{})}
	c.codec, _ = wire.NewCodec(ci.Key, ci.SignatureScheme)
	c.shellEndpoint, c.ports = ci.Endpoint(ci.ShellPort), p
	c.cmd = exec.Command(exe, "-test.run=^$")
	c.cmd.Env = append(append(os.Environ(), "GOCONC_TEST_ROLE=kernel", "GOCONC_TEST_CONN="+conn), env...)
	c.cmd.Stderr = io.MultiWriter(os.Stderr, &c.stderr)
	c.started = time.Now()
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { c.cmd.Wait(); close(c.exited) }()
	ctx := context.Background()
	c.shell = zmq4.NewDealer(ctx, append(redial, zmq4.WithID(zmq4.SocketIdentity(c.session)))...)
	c.control = zmq4.NewDealer(ctx, append(redial, zmq4.WithID(zmq4.SocketIdentity(c.session+"-c")))...)
	c.iopub = zmq4.NewSub(ctx, redial...)
	c.hb = zmq4.NewReq(ctx, redial...)
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, ci.ShellPort}, {c.control, ci.ControlPort}, {c.iopub, ci.IOPubPort}, {c.hb, ci.HBPort}} {
		if err := c.dial(d.s, d.port); err != nil {
			c.close()
			return nil, err
		}
	}
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	go func() {
		for {
			m, err := c.iopub.Recv()
			if err != nil {
				return
			}
			if msg, err := c.codec.Decode(m.Frames); err == nil {
				c.iopubCh <- msg
			}
		}
	}()
	return c, nil
}

// redial makes a socket's Dial retry every 10 ms without end: dial
// bounds the wait by the kernel's exit and by patience instead.
var redial = []zmq4.Option{zmq4.WithDialerRetry(10 * time.Millisecond), zmq4.WithDialerMaxRetries(-1)}

// dial connects sock to one of the kernel's ports once the kernel has
// bound it, as a frontend's ZeroMQ connects whenever the peer appears:
// it retries until the connection is made or the kernel exits.
func (c *client) dial(sock zmq4.Socket, port int) error {
	done := make(chan error, 1)
	go func() {
		done <- sock.Dial(strings.Replace(c.shellEndpoint, fmt.Sprint(c.ports[0]), fmt.Sprint(port), 1))
	}()
	select {
	case err := <-done:
		return err
	case <-c.exited:
		if strings.Contains(c.stderr.String(), "address already in use") {
			return errPortTaken
		}
		return fmt.Errorf("the kernel exited before binding port %d: %v\n%s", port, c.cmd.ProcessState, c.stderr.String())
	case <-time.After(patience):
		return fmt.Errorf("the kernel did not bind port %d within %v", port, patience)
	}
}

func (c *client) close() {
	for _, s := range []zmq4.Socket{c.shell, c.control, c.iopub, c.hb} {
		if s != nil {
			s.Close()
		}
	}
	if c.cmd.Process != nil {
		c.cmd.Process.Kill()
		<-c.exited
	}
}

// send sends a request and returns its message id.
func (c *client) send(sock zmq4.Socket, msgType string, content any) string {
	m, _ := wire.Reply(nil, c.session, msgType, content)
	m.Header.Username = "test"
	frames, _ := c.codec.Encode(m)
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatalf("send %s: %v", msgType, err)
	}
	return m.Header.MsgID
}

// syncBuffer is a bytes.Buffer that the kernel's stderr copier and the
// test may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// recv waits for the next message on a shell-like socket.
func (c *client) recv(sock zmq4.Socket) *wire.Message {
	type res struct {
		m   zmq4.Msg
		err error
	}
	ch := make(chan res, 1)
	go func() { m, err := sock.Recv(); ch <- res{m, err} }()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatalf("recv: %v", r.err)
		}
		m, err := c.codec.Decode(r.m.Frames)
		if err != nil {
			c.t.Fatalf("kernel sent a bad message: %v", err)
		}
		return m
	case <-c.exited:
		c.t.Fatalf("the kernel exited (%v) while a reply was awaited", c.cmd.ProcessState)
	case <-time.After(patience):
		c.t.Fatalf("no reply within %v", patience)
	}
	return nil
}

// iopubFor collects IOPub messages parented to id until its idle status.
func (c *client) iopubFor(id string) []*wire.Message {
	var out []*wire.Message
	for {
		m := c.nextFor(id)
		out = append(out, m)
		if m.Header.MsgType == "status" && state(m) == "idle" {
			return out
		}
	}
}

// nextFor returns the next IOPub message parented to id.
func (c *client) nextFor(id string) *wire.Message {
	deadline := time.After(patience)
	for {
		select {
		case m := <-c.iopubCh:
			var parent wire.Header
			json.Unmarshal(m.ParentHeader, &parent)
			if parent.MsgID == id {
				return m
			}
		case <-deadline:
			c.t.Fatalf("no IOPub message for %s within %v", id, patience)
		}
	}
}

func state(m *wire.Message) string {
	var s struct {
		ExecutionState string `json:"execution_state"`
	}
	json.Unmarshal(m.Content, &s)
	return s.ExecutionState
}

func content(m *wire.Message) map[string]any {
	var v map[string]any
	json.Unmarshal(m.Content, &v)
	return v
}

// waitReady waits for the kernel to answer kernel_info, as clients do:
// until the answer's status messages arrive on IOPub too, which a
// subscription made a moment ago may miss (ZeroMQ's slow joiner).
func (c *client) waitReady() time.Duration {
	var ready time.Duration
	deadline := time.Now().Add(patience)
	for try := 0; time.Now().Before(deadline); try++ {
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		r := c.recv(c.shell)
		if r.Header.MsgType != "kernel_info_reply" {
			c.t.Fatalf("got %s", r.Header.MsgType)
		}
		if try == 0 {
			ready = time.Since(c.started)
		}
		if c.idleWithin(id, time.Second) {
			return ready
		}
	}
	c.t.Fatalf("IOPub delivered no status of a kernel_info request within %v", patience)
	return 0
}

// idleWithin reports whether IOPub brings the idle status of request id
// within d.
func (c *client) idleWithin(id string, d time.Duration) bool {
	deadline := time.After(d)
	for {
		select {
		case m := <-c.iopubCh:
			var parent wire.Header
			json.Unmarshal(m.ParentHeader, &parent)
			if parent.MsgID == id && m.Header.MsgType == "status" && state(m) == "idle" {
				return true
			}
		case <-deadline:
			return false
		}
	}
}

// execute runs code and returns the reply and the IOPub outputs.
func (c *client) execute(code string, extra map[string]any) (map[string]any, []*wire.Message) {
	req := map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true}
	for k, v := range extra {
		req[k] = v
	}
	id := c.send(c.shell, "execute_request", req)
	r := c.recv(c.shell)
	msgs := c.iopubFor(id)
	var outs []*wire.Message
	for _, m := range msgs {
		switch m.Header.MsgType {
		case "status", "execute_input":
		default:
			outs = append(outs, m)
		}
	}
	return content(r), outs
}

func streamText(outs []*wire.Message) string {
	s := ""
	for _, m := range outs {
		if m.Header.MsgType == "stream" {
			s += fmt.Sprint(content(m)["text"])
		}
	}
	return s
}
