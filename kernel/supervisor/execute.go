package supervisor

import (
	"context"
	"fmt"

	"github.com/goconc/goconc/kernel/session"
	"github.com/goconc/goconc/kernel/wire"
)

type executeRequest struct {
	Code            string         `json:"code"`
	Silent          bool           `json:"silent"`
	StoreHistory    *bool          `json:"store_history"`
	UserExpressions map[string]any `json:"user_expressions"`
	AllowStdin      bool           `json:"allow_stdin"`
	StopOnError     *bool          `json:"stop_on_error"`
}

// executor runs execute requests one at a time, in order.
func (k *Kernel) executor() {
	for m := range k.execs {
		k.execute(m)
	}
}

// takeQueued removes the execute requests already queued. After a cell
// fails with stop_on_error they are aborted, as a notebook's "run all"
// expects; they are taken before the failed cell's reply, so that a request
// sent after the reply is not aborted.
func (k *Kernel) takeQueued() []*wire.Message {
	var out []*wire.Message
	for {
		select {
		case q := <-k.execs:
			out = append(out, q)
		default:
			return out
		}
	}
}

// execute runs one cell. It reports false if the cell failed and asked to
// stop on error.
func (k *Kernel) execute(m *wire.Message) bool {
	k.status(m, "busy")
	defer k.status(m, "idle")
	var req executeRequest
	if !k.decode(m, &req) {
		k.reply(k.socks.Shell, m, "execute_reply", map[string]any{"status": "error", "ename": "bad request",
			"evalue": "the execute_request content is not valid", "traceback": []string{}, "execution_count": k.count})
		return true
	}
	store := !req.Silent && (req.StoreHistory == nil || *req.StoreHistory)
	k.mu.Lock()
	if store {
		k.count++
	}
	count := k.count
	k.mu.Unlock()
	label := fmt.Sprintf("[%d]", count)
	if !store {
		label = "[-]"
	}
	if !req.Silent {
		k.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}
	out := &output{k: k, parent: m, count: count, silent: req.Silent}
	sess := k.session()
	if sess == nil {
		k.reply(k.socks.Shell, m, "execute_reply", map[string]any{"status": "error", "ename": "kernel error",
			"evalue": "the evaluator could not start: " + k.sessErr.Error(), "traceback": []string{}, "execution_count": count})
		return false
	}
	reply := sess.Execute(context.Background(), session.Request{
		Code: req.Code, Label: label, Silent: req.Silent, AllowStdin: req.AllowStdin, Out: out,
		Input: func(ctx context.Context) (string, error) { return k.askInput(ctx, m) },
	})
	if store {
		k.remember(count, req.Code, out.text())
	}
	if reply.Status == "ok" {
		payload := []any{}
		if reply.Page != "" {
			payload = append(payload, map[string]any{"source": "page", "data": map[string]any{"text/plain": reply.Page}, "start": 0})
		}
		k.reply(k.socks.Shell, m, "execute_reply", map[string]any{
			"status": "ok", "execution_count": count, "user_expressions": map[string]any{}, "payload": payload,
		})
		return true
	}
	tb := reply.Traceback
	if tb == nil {
		tb = []string{}
	}
	stop := req.StopOnError == nil || *req.StopOnError
	var queued []*wire.Message
	if stop {
		queued = k.takeQueued()
	}
	k.reply(k.socks.Shell, m, "execute_reply", map[string]any{
		"status": "error", "execution_count": count, "ename": reply.Ename, "evalue": reply.Evalue, "traceback": tb,
	})
	for _, q := range queued {
		k.abort(q)
	}
	return !stop
}

// abort answers an execute request that will not run.
func (k *Kernel) abort(m *wire.Message) {
	k.status(m, "busy")
	k.reply(k.socks.Shell, m, "execute_reply", map[string]any{"status": "aborted", "execution_count": k.count})
	k.status(m, "idle")
}
