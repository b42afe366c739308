// Two structs that hold each other through a function returning one of
// them: a machine whose states say, with a function of the machine and an
// event, which state comes next. The interpreter made such a pair of
// types unreliably (one run in five died of a stack overflow), and the
// cell was refused.
package main

import "fmt"

type Machine struct {
	state State
	log   []string
}

type State struct {
	name string
	on   func(m *Machine, event string) State
}

var idle, running, done State

func init() {
	idle = State{"idle", func(m *Machine, e string) State {
		if e == "start" {
			return running
		}
		return idle
	}}
	running = State{"running", func(m *Machine, e string) State {
		switch e {
		case "stop":
			return idle
		case "finish":
			return done
		}
		return running
	}}
	done = State{name: "done"}
}

func (m *Machine) Fire(event string) {
	if m.state.on == nil {
		m.log = append(m.log, event+": ignored in "+m.state.name)
		return
	}
	next := m.state.on(m, event)
	m.log = append(m.log, fmt.Sprintf("%s: %s -> %s", event, m.state.name, next.name))
	m.state = next
}

type Server struct {
	name string
	h    Handler
}

type Handler struct {
	serve func(*Server) *Handler
	hits  int
}

func main() {
	m := &Machine{state: idle}
	for _, e := range []string{"start", "poke", "stop", "start", "finish", "start"} {
		m.Fire(e)
	}
	for _, l := range m.log {
		fmt.Println(l)
	}

	s := &Server{name: "web"}
	s.h = Handler{serve: func(s *Server) *Handler { s.h.hits++; return &s.h }}
	h := s.h.serve(s)
	h = h.serve(s)
	fmt.Println(s.h.hits, h == &s.h)
}
