// container/heap over the notebook's types: a heap of a named int (its
// values pass through Push and Pop as any), and the documentation's
// priority queue of pointers, updated with Fix and emptied with Remove.
package main

import (
	"container/heap"
	"fmt"
)

type Job int

type JobHeap []Job

func (h JobHeap) Len() int           { return len(h) }
func (h JobHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h JobHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *JobHeap) Push(x any)        { *h = append(*h, x.(Job)) }
func (h *JobHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

type Item struct {
	value    string
	priority int
	index    int
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
}
func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PriorityQueue) Push(x any) {
	item := x.(*Item)
	item.index = len(*pq)
	*pq = append(*pq, item)
}
func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	item := old[n-1]
	old[n-1] = nil
	item.index = -1
	*pq = old[0 : n-1]
	return item
}

func main() {
	h := &JobHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, Job(3))
	first := heap.Pop(h)
	fmt.Printf("%T %v\n", first, first)
	fmt.Println(heap.Remove(h, 1), *h)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h).(Job), " ")
	}
	fmt.Println()

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := make(PriorityQueue, 0)
	for _, v := range []string{"banana", "apple", "pear"} {
		heap.Push(&pq, &Item{value: v, priority: items[v]})
	}
	orange := &Item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	orange.priority = 5
	heap.Fix(&pq, orange.index)
	for pq.Len() > 0 {
		item := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", item.priority, item.value)
	}
	fmt.Println()
}
