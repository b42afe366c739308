package supervisor

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/goconc/goconc/kernel/wire"
)

// readStdin delivers input_reply messages from the stdin socket.
func (k *Kernel) readStdin() {
	for {
		m, err := k.socks.Stdin.Recv()
		if err != nil {
			return
		}
		if m.Header.MsgType != "input_reply" {
			k.log.Printf("stdin: ignored a %s", m.Header.MsgType)
			continue
		}
		var c struct {
			Value string `json:"value"`
		}
		json.Unmarshal(m.Content, &c)
		select {
		case k.inputs <- c.Value:
		default:
			k.log.Printf("stdin: an input_reply nobody waits for")
		}
	}
}

// askInput sends an input_request to the frontend that sent the execute
// request m, and waits for the user's line.
func (k *Kernel) askInput(ctx context.Context, m *wire.Message) (string, error) {
	// Drop a reply left over from an abandoned request.
	select {
	case <-k.inputs:
	default:
	}
	r, err := wire.Reply(m, k.id, "input_request", map[string]any{"prompt": "", "password": false})
	if err != nil {
		return "", err
	}
	if err := k.socks.Stdin.Send(r); err != nil {
		return "", err
	}
	select {
	case v := <-k.inputs:
		return v, nil
	case <-ctx.Done():
		return "", errors.New("the cell ended")
	case <-k.done:
		return "", errors.New("the kernel is shutting down")
	}
}
