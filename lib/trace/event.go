package trace

import "time"

// Kind says what an event records.
type Kind uint8

// The kinds of events. Obj is the object involved, Arg and Text carry the
// details given for each kind.
const (
	EvGoStart      Kind = iota + 1 // G began; Arg: the parent goroutine
	EvGoEnd                        // G returned
	EvPanic                        // G panicked; Text: the panic value
	EvBlock                        // G blocked; Reason says on what, Obj on which object
	EvUnblock                      // G resumed after its Block
	EvSend                         // G sent on channel Obj; Arg: the send's sequence number; Text: the value. Ends G's block, if any
	EvRecv                         // G received from Obj; Arg: the sequence number of the send it got (0 when closed); Text: the value. Ends G's block, if any
	EvClose                        // G closed channel Obj
	EvLock                         // G acquired mutex Obj (Arg 1: a read lock)
	EvUnlock                       // G released mutex Obj (Arg 1: a read lock)
	EvWaitGroupAdd                 // G added Arg to WaitGroup Obj; Text: the counter after it
	EvOnceRun                      // G ran the function of Once Obj
	EvCancel                       // context Obj was cancelled; Text: the cause
	EvCancelSeen                   // G saw that context Obj was cancelled
	EvFlightCall                   // G called singleflight group Obj; Arg 0: executed, 1: shared the result; Text: the key
	EvAcquire                      // G acquired Arg units of semaphore Obj
	EvRelease                      // G released Arg units of semaphore Obj
	EvSignal                       // G signalled Cond Obj (Arg 1: Broadcast)
	EvMark                         // a user mark; Text: its label
	EvSelect                       // G's select chose case Arg (-1: default); Text: the case
	EvDeadlock                     // G was found waiting for ever: every goroutine was blocked with no timer to wake any
	EvAccess                       // G read (Arg 'r') or wrote (Arg 'w') the shared memory named Text, in an explored run (package explore); Annotate adds " = value"
	EvHighlight                    // a place an explanation points at; Text: the explanation
)

var kindNames = [...]string{
	EvGoStart: "go-start", EvGoEnd: "go-end", EvPanic: "panic", EvBlock: "block", EvUnblock: "unblock",
	EvSend: "send", EvRecv: "recv", EvClose: "close", EvLock: "lock", EvUnlock: "unlock",
	EvWaitGroupAdd: "wg-add", EvOnceRun: "once", EvCancel: "cancel", EvCancelSeen: "cancel-seen",
	EvFlightCall: "flight", EvAcquire: "acquire", EvRelease: "release", EvSignal: "signal", EvMark: "mark",
	EvSelect: "select", EvDeadlock: "deadlock", EvAccess: "access", EvHighlight: "highlight",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind?"
}

// Reason says why a goroutine is blocked.
type Reason uint8

// Reasons for blocking.
const (
	NotBlocked Reason = iota
	ChanSend
	ChanRecv
	SelectWait
	MutexLock
	RWMutexRLock
	WaitGroupWait
	CondWait
	OnceWait
	Sleeping
	ContextDone
	SemaphoreAcquire
	FlightWait
	GroupWait

	// Reasons is how many reasons there are: every Reason is below it.
	Reasons = iota
)

var reasonNames = [Reasons]string{
	NotBlocked: "running", ChanSend: "chan send", ChanRecv: "chan receive", SelectWait: "select",
	MutexLock: "Mutex.Lock", RWMutexRLock: "RWMutex.RLock", WaitGroupWait: "WaitGroup.Wait",
	CondWait: "Cond.Wait", OnceWait: "Once.Do", Sleeping: "sleep", ContextDone: "<-ctx.Done()",
	SemaphoreAcquire: "Semaphore.Acquire", FlightWait: "singleflight wait", GroupWait: "errgroup.Wait",
}

func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return "reason?"
}

// Timed reports whether a goroutine blocked for this reason will wake up by
// itself, with nobody else acting. A program whose goroutines are all blocked
// for untimed reasons is deadlocked.
func (r Reason) Timed() bool { return r == Sleeping }

// Event is one recorded fact.
type Event struct {
	At     time.Duration // since the trace started
	G      int64         // the goroutine that acted
	Kind   Kind
	Reason Reason   // for Block
	Obj    ObjectID // the object acted on, 0 if none
	Arg    int64
	Text   string
	Pos    string // source position of the operation, when known
}
