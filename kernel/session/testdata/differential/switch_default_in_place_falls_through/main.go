// A default clause that is not the last of its switch, with fallthrough
// into it, out of it and past it (Go's test/switch.go).
package main

import "fmt"

type level int

func grade(score int) (out []string) {
	switch {
	default:
		out = append(out, "default")
		fallthrough
	case score > 90:
		out = append(out, "top")
	case score > 50:
		out = append(out, "pass")
		fallthrough
	case score > 40:
		out = append(out, "near")
	}
	return out
}

func main() {
	for _, s := range []int{95, 60, 45, 10} {
		fmt.Println(s, grade(s))
	}
	steps := map[level]int{}
	for l := level(0); l < 4; l++ {
		switch l + 1 {
		case 1:
			steps[l]++
			fallthrough
		default:
			steps[l] += 10
		case 3:
			steps[l] += 100
			fallthrough
		case 4:
			steps[l] += 1000
		}
	}
	fmt.Println(steps)
	words := []string{"go", "run", "vet"}
	for i := range words {
	loop:
		switch words[i] {
		case "go":
			fmt.Println("go!")
			fallthrough
		default:
			fmt.Println("some word:", words[i])
			if i > 1 {
				break loop
			}
			fallthrough
		case "run":
			fmt.Println("run", i)
		}
	}
}
