// Assigning to a standard package's variables of basic type: the
// interpreter took them for constants.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	old := runtime.MemProfileRate
	runtime.MemProfileRate = 0
	fmt.Println(runtime.MemProfileRate)
	runtime.MemProfileRate += 4096
	runtime.MemProfileRate++
	fmt.Println(runtime.MemProfileRate)
	p := &runtime.MemProfileRate
	*p *= 2
	fmt.Println(runtime.MemProfileRate)
	runtime.MemProfileRate, old = old, 0
	fmt.Println(old)
	debug.SetGCPercent(debug.SetGCPercent(100))
}
