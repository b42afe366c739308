package main

import "fmt"

func runNotebooks(args []string) error {
	return fmt.Errorf("run: not available yet")
}
