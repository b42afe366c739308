package program

import "testing"

// TestWrappedMapKeysRefused: a value of the notebook's with methods as a
// key of a map whose keys are a compiled interface (error, io.Reader) is
// refused at its place; the notebook's own interfaces, any and the
// values' own types are keys as in Go.
func TestWrappedMapKeysRefused(t *testing.T) {
	const decls = "import (\"fmt\"; \"io\")\ntype E string\nfunc (e E) Error() string { return string(e) }\ntype R struct{}\nfunc (*R) Read([]byte) (int, error) { return 0, io.EOF }\ntype Sh interface{ Error() string }\nvar _ = fmt.Sprint\n"
	checkCompiles(t, []compileCase{
		{decls + "var m = map[error]int{E(\"x\"): 1}", "[1]:8:23: a value of main.E cannot be a key of a map with error keys in goconc"},
		{decls + "func f(m map[error]int) int { return m[E(\"x\")] }", "[1]:8:40: a value of main.E cannot be a key of a map with error keys"},
		{decls + "var m = map[io.Reader]bool{&R{}: true}", "a value of *main.R cannot be a key of a map with io.Reader keys"},
		{decls + "var m = map[error]int{fmt.Errorf(\"x\"): 1}", ""},
		{decls + "var m = map[E]int{E(\"x\"): 1}", ""},
		{decls + "var m = map[any]int{E(\"x\"): 1}", ""},
		{decls + "var m = map[Sh]int{E(\"x\"): 1}", ""},
	})
}
