package evalproto

import (
	"os"
	"syscall"
)

// ChildPipes returns the evaluator's ends of the two pipes, which the
// supervisor hands it as file descriptors 3 (requests) and 4 (events).
//
// They arrive in blocking mode (os/exec's Fd makes them so). A goroutine
// reading a blocking pipe holds its thread in the read, and the scheduler
// takes the thread's processor back only after the system monitor notices,
// tens of microseconds later; a request passed on to the goroutine that
// runs cells waited that long. Made non-blocking, the pipes are read
// through Go's poller, and the hand-off is immediate.
func ChildPipes() (requests, events *os.File) {
	for _, fd := range []int{3, 4} {
		// Failing leaves the pipe blocking: slower, and still correct.
		syscall.SetNonblock(fd, true)
	}
	return os.NewFile(3, "requests"), os.NewFile(4, "events")
}
