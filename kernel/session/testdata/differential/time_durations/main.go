package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Second
	fmt.Println(d, d.Minutes(), time.Duration(1500)*time.Millisecond)
	t := time.Date(2024, 2, 28, 12, 0, 0, 0, time.UTC)
	fmt.Println(t.Add(48*time.Hour).Format("2006-01-02"), t.Weekday())
}
