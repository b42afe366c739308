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
