package main

import "fmt"

type account struct{ balance int }

func (a *account) deposit(n int) { a.balance += n }
func (a account) get() int       { return a.balance }

func main() {
	a := account{}
	a.deposit(10)
	accts := []account{{1}, {2}}
	for i := range accts {
		accts[i].deposit(100)
	}
	for _, ac := range accts {
		ac.deposit(1000)
	}
	m := map[string]*account{"x": {5}}
	m["x"].deposit(5)
	fmt.Println(a.get(), accts, m["x"].get())
}
