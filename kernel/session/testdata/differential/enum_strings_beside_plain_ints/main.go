// An enum with a String method beside plain ints of the same underlying
// type: only the enum's values print by its name, in structs, maps,
// slices and results gathered from goroutines.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Status int

const (
	Todo Status = iota
	Doing
	Done
)

func (s Status) String() string { return [...]string{"todo", "doing", "done"}[s] }

type Task struct {
	Title  string
	State  Status
	Points int
	Tags   []int
}

type Board struct {
	Tasks  []Task
	Counts map[Status]int
	ByID   map[int]Status
}

func main() {
	tasks := []Task{{"write", Done, 0, []int{1}}, {"test", Doing, 2, nil}, {"ship", Todo, 1, []int{0, 2}}}
	fmt.Println(tasks[0])
	fmt.Printf("%v\n%+v\n", tasks[1], tasks[2])
	b := Board{Tasks: tasks, Counts: map[Status]int{}, ByID: map[int]Status{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			b.Counts[t.State] += t.Points + 1
			b.ByID[i] = t.State
		}()
	}
	wg.Wait()
	fmt.Println(b.Counts, b.ByID)
	fmt.Printf("%+v\n", b)
	states := []Status{Done, Todo}
	sort.Slice(states, func(i, j int) bool { return states[i] < states[j] })
	fmt.Println(states, []int{int(Done), 0}, len(b.Tasks))
	pairs := [][2]Status{{Todo, Done}}
	fmt.Println(pairs, map[string]Status{"x": Doing})

	// A struct type declared in a function.
	type step struct {
		State Status
		N     int
	}
	steps := []step{{Doing, 2}}
	fmt.Printf("%v %+v\n", steps, steps[0])
}
