package wakeup

import (
	"reflect"
	"sync"
	"testing"
)

func TestTokenGivenBeforeTake(t *testing.T) {
	var tok Token
	tok.Give()
	tok.Take() // returns: the token waited
}

func TestTokenKeepsOne(t *testing.T) {
	var tok Token
	for range 3 {
		tok.Give()
	}
	if n := len(tok.ch()); n != 1 {
		t.Fatalf("three Gives with nobody waiting left %d tokens, want 1", n)
	}
}

func TestTokenWakesAWaiter(t *testing.T) {
	var tok Token
	taken := make(chan struct{})
	go func() {
		tok.Take()
		close(taken)
	}()
	tok.Give()
	<-taken
}

func TestTokenWakesOneAtATime(t *testing.T) {
	var tok Token
	const waiters = 5
	var wg sync.WaitGroup
	woken := make(chan int, waiters)
	for i := range waiters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok.Take()
			woken <- i
		}()
	}
	for range waiters {
		tok.Give()
		<-woken // one Give, one waiter
	}
	wg.Wait()
}

func TestTokenCopiesAreApart(t *testing.T) {
	var a Token
	a.Give()
	// A Mutex copied by value copies its Token (as go vet warns; the copy
	// here goes through reflect so that vet lets the test do it).
	var b Token
	reflect.ValueOf(&b).Elem().Set(reflect.ValueOf(&a).Elem())
	if a.ch() == b.ch() {
		t.Fatal("a copied Token shares its channel with the original: their waiters would take each other's tokens")
	}
	if n := len(b.ch()); n != 0 {
		t.Fatalf("the copy has %d tokens, want 0", n)
	}
	a.Take() // the original kept its own
}
