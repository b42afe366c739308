// A composite literal of a compiled package's named map type whose values
// elide &T: an in-memory file system as io/fs's documentation writes one.
// The interpreter's compiler crashed on it ("CFG post-order panic").
package main

import (
	"fmt"
	"io/fs"
	"testing/fstest"
)

var files = fstest.MapFS{
	"hello.txt":     {Data: []byte("hello, world\n")},
	"dir/notes.txt": {Data: []byte("notes"), Mode: 0o600},
	"dir/sub/x.go":  {},
}

func main() {
	matches, err := fs.Glob(files, "dir/*.txt")
	fmt.Println(matches, err)
	b, err := fs.ReadFile(files, "hello.txt")
	fmt.Printf("%q %v\n", b, err)
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println(p, d.IsDir())
		return nil
	})
	more := fstest.MapFS{"a": {Data: []byte("A")}}
	info, _ := fs.Stat(more, "a")
	fmt.Println(info.Name(), info.Size())
}
