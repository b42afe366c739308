// Package supervisor is the Jupyter side of the kernel. It holds the
// sockets, answers each message type with its own handler, and runs cells
// through a session, whose evaluator is another process: the supervisor
// never runs user code, so no cell can take it down.
//
// Every request gets, on IOPub, a busy status, its outputs, then an idle
// status, all parented to it; the reply goes back on the socket it came
// from. Control messages (interrupt, shutdown) are handled at once, even
// while a cell runs.
package supervisor

import (
	"context"
	"encoding/json"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/goconc/goconc/kernel/session"
	"github.com/goconc/goconc/kernel/sockets"
	"github.com/goconc/goconc/kernel/wire"
)

// Info describes the kernel in kernel_info_reply.
type Info struct {
	Version   string // goconc's version
	GoVersion string
	Yaegi     string
}

// Kernel is a running kernel.
type Kernel struct {
	info  Info
	socks *sockets.Kernel
	id    string // this kernel's session id in message headers
	log   *log.Logger

	// The session, which starts the evaluator, is made while the sockets
	// open and the first requests come: sess and sessErr are set once
	// started closes.
	started chan struct{}
	sess    *session.Session
	sessErr error

	execs  chan *wire.Message
	inputs chan string

	mu      sync.Mutex
	count   int // execution count
	history []historyEntry
	done    chan struct{}
	once    sync.Once
}

// handler answers one message type. It runs between the busy and idle
// statuses of its request.
type handler func(k *Kernel, ch *sockets.Channel, m *wire.Message)

// shellHandlers answer requests on the shell socket; execute_request is
// queued and run in order by the executor instead.
var shellHandlers = map[string]handler{
	"kernel_info_request": (*Kernel).kernelInfo,
	"complete_request":    (*Kernel).complete,
	"inspect_request":     (*Kernel).inspect,
	"is_complete_request": (*Kernel).isComplete,
	"history_request":     (*Kernel).historyRequest,
	"comm_info_request":   (*Kernel).commInfo,
	"comm_open":           (*Kernel).ignore,
	"comm_msg":            (*Kernel).ignore,
	"comm_close":          (*Kernel).ignore,
	"shutdown_request":    (*Kernel).shutdown,
}

// controlHandlers answer requests on the control socket.
var controlHandlers = map[string]handler{
	"kernel_info_request": (*Kernel).kernelInfo,
	"interrupt_request":   (*Kernel).interrupt,
	"shutdown_request":    (*Kernel).shutdown,
}

// Run serves the kernel described by ci until it is shut down.
//
// The evaluator starts while the sockets open, and kernel_info is answered
// before it is ready, so that a frontend's handshake and the evaluator's
// start overlap; requests that need the session wait for it.
func Run(ci sockets.ConnectionInfo, cmd session.Command, info Info, logger *log.Logger) error {
	k := &Kernel{
		info:    info,
		id:      wire.NewID(),
		log:     logger,
		started: make(chan struct{}),
		execs:   make(chan *wire.Message, 1024),
		inputs:  make(chan string, 1),
		done:    make(chan struct{}),
	}
	go func() {
		defer close(k.started)
		k.sess, k.sessErr = session.New(cmd, logger)
		if k.sessErr != nil {
			k.stop()
		}
	}()
	defer func() {
		if s := k.session(); s != nil {
			s.Close()
		}
	}()
	socks, err := sockets.Open(ci, logger)
	if err != nil {
		return err
	}
	defer socks.Close()
	k.socks = socks
	k.status(nil, "starting")
	// In signal mode Jupyter interrupts the kernel with SIGINT.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			if s == syscall.SIGTERM {
				k.stop()
				return
			}
			if sess := k.session(); sess != nil {
				sess.Interrupt()
			}
		}
	}()
	go k.serve(socks.Shell, shellHandlers, true)
	go k.serve(socks.Control, controlHandlers, false)
	go k.executor()
	go k.readStdin()
	<-k.done
	<-k.started
	return k.sessErr
}

// session returns the kernel's session once it has started, or nil if it
// could not start (the kernel is then stopping, and Run returns why).
func (k *Kernel) session() *session.Session {
	<-k.started
	return k.sess
}

func (k *Kernel) stop() { k.once.Do(func() { close(k.done) }) }

// serve reads one socket and dispatches its messages.
func (k *Kernel) serve(ch *sockets.Channel, handlers map[string]handler, shell bool) {
	for {
		m, err := ch.Recv()
		if err != nil {
			select {
			case <-k.done:
				return
			default:
			}
			k.log.Printf("%s: %v", ch.Name, err)
			return
		}
		if shell && m.Header.MsgType == "execute_request" {
			k.execs <- m
			continue
		}
		h, ok := handlers[m.Header.MsgType]
		if !ok {
			k.log.Printf("%s: ignored a message of unknown type %q", ch.Name, m.Header.MsgType)
			continue
		}
		k.status(m, "busy")
		h(k, ch, m)
		k.status(m, "idle")
	}
}

// reply sends a reply to m on ch.
func (k *Kernel) reply(ch *sockets.Channel, m *wire.Message, msgType string, content any) {
	r, err := wire.Reply(m, k.id, msgType, content)
	if err != nil {
		k.log.Print(err)
		return
	}
	if err := ch.Send(r); err != nil {
		k.log.Print(err)
	}
}

// publish sends an IOPub message with parent m (nil for none).
func (k *Kernel) publish(m *wire.Message, msgType string, content any) {
	r, err := wire.Reply(m, k.id, msgType, content)
	if err != nil {
		k.log.Print(err)
		return
	}
	r.Identities = [][]byte{[]byte("kernel." + k.id + "." + msgType)}
	if err := k.socks.IOPub.Send(r); err != nil {
		k.log.Print(err)
	}
}

func (k *Kernel) status(m *wire.Message, state string) {
	k.publish(m, "status", map[string]string{"execution_state": state})
}

// decode unmarshals a request's content, replying with an error if it is
// not what the message type requires.
func (k *Kernel) decode(m *wire.Message, v any) bool {
	if err := json.Unmarshal(m.Content, v); err != nil {
		k.log.Printf("%s: malformed content: %v", m.Header.MsgType, err)
		return false
	}
	return true
}

var _ = context.Background
