package evalproto

// The cells' os.Stdout and os.Stderr are pipes the evaluator reads, so that
// what compiled code writes to them comes in order with the cell's other
// output. The supervisor makes the pipes and keeps a read end of each:
// what is still in a pipe when the evaluator dies (the usage a FlagSet
// printed before its os.Exit) is read by the supervisor then, not lost.

// StdioEnv is the environment variable that gives the evaluator the first
// of the four descriptors of its stdio pipes: stdout's write and read
// ends, then stderr's.
const StdioEnv = "GOCONC_STDIO"

// StdioFD is the descriptor the supervisor puts the first of them at in
// the evaluator (after the goroutine name table).
const StdioFD = NameTableFD + 1
