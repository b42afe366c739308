package stdsource

// lib/sync's generic functions, instantiated for cells (they get lib/sync
// in place of sync); TestExtensionsAreCurrent keeps the copy true.
//go:generate cp ../../lib/sync/oncefunc.go extensions/sync_oncefunc.go.txt
