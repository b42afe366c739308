package session

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/magic"
	"github.com/goconc/goconc/lib/explore"
)

// Defaults of %%explore.
const (
	exploreSchedules = 100
	exploreBudget    = 15 * time.Second
	maxSchedules     = 100_000
)

// setExplore reads %%explore's arguments:
//
//	%%explore                  100 schedules, a random seed, a 15 s budget
//	%%explore 200 seed=7       200 schedules, reproducibly
//	%%explore time=1m steps=N  a longer budget; cut a schedule after N points
//	%%explore replay=TOKEN     one schedule, shown as an ordinary run
//	%%explore 200 expect=1     fail unless every schedule gives one outcome
func setExplore(_ *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
	x := &evalproto.Explore{Schedules: exploreSchedules, Seed: rand.Uint64() % 1_000_000, BudgetMS: exploreBudget.Milliseconds(), MaxSteps: explore.DefaultMaxSteps}
	for _, a := range m.Args {
		key, val, isOption := strings.Cut(a, "=")
		if !isOption {
			n, err := strconv.Atoi(a)
			if err != nil || n < 1 || n > maxSchedules {
				return "", fmt.Errorf("%q is not a number of schedules from 1 to %d", a, maxSchedules)
			}
			x.Schedules = n
			continue
		}
		switch key {
		case "seed":
			seed, err := strconv.ParseUint(val, 10, 64)
			if err != nil {
				return "", fmt.Errorf("seed=%s: the seed is a whole number, such as seed=7", val)
			}
			x.Seed = seed
		case "time":
			d, err := time.ParseDuration(val)
			if err != nil || d <= 0 {
				return "", fmt.Errorf("time=%s: the time budget is a duration, such as time=30s", val)
			}
			x.BudgetMS = d.Milliseconds()
		case "steps":
			n, err := strconv.Atoi(val)
			if err != nil || n < 10 {
				return "", fmt.Errorf("steps=%s: a schedule's scheduling points are counted in whole numbers of at least 10", val)
			}
			x.MaxSteps = n
		case "expect":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return "", fmt.Errorf("expect=%s: the number of outcomes the cell must have, such as expect=1", val)
			}
			x.Expect = n
		case "replay":
			if _, err := explore.ParseToken(val); err != nil {
				return "", err
			}
			x.Replay = val
		default:
			return "", fmt.Errorf("unknown option %s", key)
		}
	}
	if opts.tool != "" {
		return "", fmt.Errorf("cannot be combined with %%%%%s", opts.tool)
	}
	opts.explore = x
	if x.Replay != "" {
		opts.timeline = "on" // a replay is there to show the run it repeats
	}
	return "", nil
}
