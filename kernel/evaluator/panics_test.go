package evaluator

import "testing"

// The IndexOutOfRange hook words its panic as Go's runtime does.
func TestIndexOutOfRangeMessage(t *testing.T) {
	for _, tt := range []struct {
		i    any
		n    int
		want string
	}{
		{3, 3, "runtime error: index out of range [3] with length 3"},
		{-1, 3, "runtime error: index out of range [-1]"},
		{uint8(200), 3, "runtime error: index out of range [200] with length 3"},
	} {
		func() {
			defer func() {
				r := recover()
				if err, ok := r.(error); !ok || err.Error() != tt.want {
					t.Errorf("IndexOutOfRange(%v, %d) panicked with %v, want %q", tt.i, tt.n, r, tt.want)
				}
			}()
			indexOutOfRange(tt.i, tt.n)
		}()
	}
}

// The slice hooks word their panics as Go's runtime does, naming the
// first check that fails.
func TestSliceOutOfRangeMessages(t *testing.T) {
	catch := func(f func()) (msg string) {
		defer func() { msg = recover().(error).Error() }()
		f()
		return ""
	}
	for _, tt := range []struct {
		f    func()
		want string
	}{
		{func() { sliceOutOfRange(0, 6, 5, true) }, "[:6] with capacity 5"},
		{func() { sliceOutOfRange(0, 6, 5, false) }, "[:6] with length 5"},
		{func() { sliceOutOfRange(4, 2, 5, true) }, "[4:2]"},
		{func() { sliceOutOfRange(0, -1, 5, true) }, "[:-1]"},
		{func() { sliceOutOfRange(-1, 3, 5, true) }, "[-1:]"},
		{func() { sliceOutOfRange(uint64(1<<63), 3, 5, true) }, "[9223372036854775808:3]"},
		{func() { slice3OutOfRange(0, 1, 6, 5, true) }, "[::6] with capacity 5"},
		{func() { slice3OutOfRange(0, 3, 2, 5, true) }, "[:3:2]"},
		{func() { slice3OutOfRange(4, 3, 5, 5, true) }, "[4:3:]"},
	} {
		if got := catch(tt.f); got != "runtime error: slice bounds out of range "+tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
