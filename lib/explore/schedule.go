package explore

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Strategy is how a schedule chooses who goes on.
type Strategy uint8

const (
	// RandomWalk chooses uniformly among the goroutines that can go on, at
	// every scheduling point: many switches, spread everywhere.
	RandomWalk Strategy = iota + 1
	// PCT gives each goroutine a random priority and always runs the
	// highest that can go on; at Depth-1 points chosen at random among
	// the first Steps, the running goroutine drops below all others. A
	// bug that needs Depth-1 switches at the right places is found with
	// probability at least 1/(n * Steps^(Depth-1)) for n goroutines.
	PCT
)

// Schedule is everything that decides a run's choices; the same schedule
// over the same code makes the same run.
type Schedule struct {
	Strategy Strategy
	Depth    int    // PCT: the priority change points, plus one
	Steps    int    // PCT: how many scheduling points the change points fall among
	Seed     uint64 // the choices' random source
}

// seedBits is how much of a seed a token keeps: enough that two schedules
// of one exploration never share one, short enough to copy.
const seedBits = 40

// Token names s in a short text that ParseToken reads back: "w-5f1c0a93e2"
// for a random walk, "p3.120-5f1c0a93e2" for PCT with depth 3 over 120
// steps.
func (s Schedule) Token() string {
	seed := fmt.Sprintf("%010x", s.Seed&(1<<seedBits-1))
	if s.Strategy == PCT {
		return fmt.Sprintf("p%d.%d-%s", s.Depth, s.Steps, seed)
	}
	return "w-" + seed
}

func (s Schedule) String() string {
	if s.Strategy == PCT {
		return fmt.Sprintf("PCT depth %d over %d steps, seed %#x", s.Depth, s.Steps, s.Seed)
	}
	return fmt.Sprintf("random walk, seed %#x", s.Seed)
}

// ParseToken reads a token that Token wrote.
func ParseToken(tok string) (Schedule, error) {
	bad := func(why string) (Schedule, error) {
		return Schedule{}, fmt.Errorf("%q is not a replay token (%s): copy one from an exploration's table, such as w-5f1c0a93e2 or p3.120-5f1c0a93e2", tok, why)
	}
	kind, seedText, ok := strings.Cut(tok, "-")
	if !ok || kind == "" {
		return bad("no '-'")
	}
	seed, err := strconv.ParseUint(seedText, 16, 64)
	if err != nil || len(seedText) != seedBits/4 {
		return bad("its seed is not 10 hexadecimal digits")
	}
	switch {
	case kind == "w":
		return Schedule{Strategy: RandomWalk, Seed: seed}, nil
	case kind[0] == 'p':
		d, steps, ok := strings.Cut(kind[1:], ".")
		depth, err1 := strconv.Atoi(d)
		n, err2 := strconv.Atoi(steps)
		if !ok || err1 != nil || err2 != nil || depth < 1 || depth > 64 || n < 1 {
			return bad("PCT wants p<depth>.<steps>")
		}
		return Schedule{Strategy: PCT, Depth: depth, Steps: n, Seed: seed}, nil
	}
	return bad("it starts with neither w nor p")
}

// Plan returns the i-th schedule of an exploration seeded with seed. Even
// schedules walk at random; odd ones are PCT with depths 1, 2 and 3 in
// turn, their change points spread over steps scheduling points (the most
// a run of the code took so far; 0 for a first guess).
func Plan(seed uint64, i int, steps int) Schedule {
	s := Schedule{Seed: mix(seed+uint64(i)*0x9e3779b97f4a7c15) & (1<<seedBits - 1)}
	if i%2 == 0 {
		s.Strategy = RandomWalk
		return s
	}
	if steps < 8 {
		steps = 8
	}
	s.Strategy, s.Depth, s.Steps = PCT, 1+(i/2)%3, steps
	return s
}

// mix is splitmix64's finaliser: neighbouring inputs give unrelated seeds.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// strategy makes a run's choices.
type strategy interface {
	created(g *G)              // a goroutine joined the run
	step(holder *G, steps int) // the holder reached scheduling point number steps
	pick(cands []*G) int       // which of cands goes on
	choose(n int) int          // one of n alternatives (select cases, partners)
	choices() int              // decisions with more than one option so far
}

func newStrategy(s Schedule) strategy {
	rng := rand.New(rand.NewPCG(s.Seed, 0x676f636f6e63)) // "goconc"
	if s.Strategy == PCT {
		return newPCT(s, rng)
	}
	return &walk{rng: rng}
}

type walk struct {
	rng *rand.Rand
	n   int
}

func (w *walk) created(*G)   {}
func (w *walk) step(*G, int) {}
func (w *walk) choices() int { return w.n }

func (w *walk) pick(cands []*G) int { return w.choose(len(cands)) }

func (w *walk) choose(n int) int {
	if n <= 1 {
		return 0
	}
	w.n++
	return w.rng.IntN(n)
}

type pct struct {
	walk
	depth  int
	change []int // the steps where the holder's priority drops, ascending
}

func newPCT(s Schedule, rng *rand.Rand) *pct {
	p := &pct{walk: walk{rng: rng}, depth: max(s.Depth, 1)}
	seen := map[int]bool{}
	for len(p.change) < p.depth-1 && len(p.change) < s.Steps {
		k := 1 + rng.IntN(max(s.Steps, 1))
		if !seen[k] {
			seen[k] = true
			p.change = append(p.change, k)
		}
	}
	sort.Ints(p.change)
	return p
}

func (p *pct) created(g *G) { g.prio = p.depth + p.rng.IntN(1<<30) }

func (p *pct) step(holder *G, steps int) {
	for i, k := range p.change {
		if k == steps {
			// The i-th change point: below every starting priority
			// (at least depth), above those that dropped earlier.
			holder.prio = i + 1
		}
	}
}

func (p *pct) pick(cands []*G) int {
	if len(cands) > 1 {
		p.n++
	}
	best := 0
	for i, c := range cands {
		if c.prio > cands[best].prio {
			best = i
		}
	}
	return best
}
