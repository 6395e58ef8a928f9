package atomicfile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
)

// writeThrough writes fn's output into what t names, without replacing it.
func writeThrough(t target, fn func(io.Writer) error) (err error) {
	var w io.WriteCloser
	switch {
	case t.fd >= 0:
		f, err := dupDescriptor(t.fd, t.path)
		if err != nil {
			return err
		}
		w = f
	case t.kind&fs.ModeSocket != 0:
		c, err := net.Dial("unix", t.path)
		if err != nil {
			return bareError(err)
		}
		w = c
	default:
		flag := os.O_WRONLY
		if t.kind == 0 {
			// A regular file reached through another process's
			// descriptor alias: add to it, never truncate it.
			flag |= os.O_APPEND
		}
		f, err := os.OpenFile(t.path, flag, 0)
		if err != nil {
			return bareError(err)
		}
		w = f
	}
	defer func() {
		if cerr := w.Close(); cerr != nil && err == nil {
			err = bareError(cerr)
		}
	}()
	// Devices and pipes take small writes badly (a terminal line per
	// write, a pipe's atomicity limit): buffer, and flush once.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return bareError(err)
	}
	return nil
}

// canWriteThrough reports whether t could be written through.
func canWriteThrough(t target) error {
	if t.fd >= 0 {
		f, err := dupDescriptor(t.fd, t.path)
		if err != nil {
			return err
		}
		return f.Close()
	}
	if err := canWrite(t.path); err != nil {
		return err
	}
	return nil
}

// errNotWritable is returned for a path the process may not write.
var errNotWritable = errors.New("not writable")
