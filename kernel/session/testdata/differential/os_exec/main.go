package main

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hello", "from", "a", "process").Output()
	fmt.Printf("%q %v\n", out, err)
	cmd := exec.Command("sh", "-c", "read line; echo got: $line; exit 3")
	cmd.Stdin = strings.NewReader("input\n")
	var b strings.Builder
	cmd.Stdout = &b
	err = cmd.Run()
	var exit *exec.ExitError
	fmt.Println(b.String(), errors.As(err, &exit), exit.ExitCode())
	_, err = exec.LookPath("no-such-command-goconc")
	fmt.Println(errors.Is(err, exec.ErrNotFound))
}
