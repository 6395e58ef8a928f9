//go:build unix

package atomicfile_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/atomicfile"
)

// TestWriteFIFO checks that a FIFO is opened and written, not replaced.
func TestWriteFIFO(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := atomicfile.CheckWritable(fifo); err != nil {
		t.Fatalf("CheckWritable: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	report := strings.Repeat("line of a report\n", 10_000) // more than a pipe holds
	if err := atomicfile.WriteBytes(fifo, 0, []byte(report)); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != report {
			t.Errorf("reader got %d bytes, want %d", len(s), len(report))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reader got nothing")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
}

// TestWriteDevNull checks that /dev/null is written through and stays a
// device.
func TestWriteDevNull(t *testing.T) {
	t.Parallel()
	if err := atomicfile.CheckWritable(os.DevNull); err != nil {
		t.Fatalf("CheckWritable: %v", err)
	}
	if err := atomicfile.WriteBytes(os.DevNull, 0, []byte("report")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(os.DevNull)
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v %v", os.DevNull, fi.Mode(), err)
	}
	// A link to the device is written through too, and stays a link.
	link := filepath.Join(t.TempDir(), "null.json")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteBytes(link, 0, []byte("report")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link to %s was replaced", os.DevNull)
	}
}

// TestWriteSocket checks that a Unix socket is connected to and written.
func TestWriteSocket(t *testing.T) {
	t.Parallel()
	dir, err := os.MkdirTemp("", "af") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("listen: %v", err)
	}
	defer l.Close()
	got := make(chan string, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			got <- err.Error()
			return
		}
		defer c.Close()
		b, _ := io.ReadAll(c)
		got <- string(b)
	}()
	if err := atomicfile.WriteBytes(sock, 0, []byte("report")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "report" {
		t.Errorf("listener got %q", s)
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&fs.ModeSocket == 0 {
		t.Errorf("the socket was replaced")
	}
}

// TestWriteDescriptorAlias checks /proc/self/fd/N and /dev/fd/N (what
// /dev/stdout is): the output goes to the open descriptor, at its offset,
// and nothing is replaced.
func TestWriteDescriptorAlias(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	// A pipe, as when standard output is piped.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, alias := range []string{"/proc/self/fd/%d", "/dev/fd/%d"} {
		path := fmt.Sprintf(alias, w.Fd())
		if err := atomicfile.CheckWritable(path); err != nil {
			t.Fatalf("CheckWritable %s: %v", path, err)
		}
		if err := atomicfile.WriteBytes(path, 0, []byte("to the pipe\n")); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	w.Close()
	if b, _ := io.ReadAll(r); string(b) != "to the pipe\nto the pipe\n" {
		t.Errorf("pipe got %q", b)
	}

	// A regular file, as when standard output is redirected to one: the
	// report follows what was written before, in the same file.
	out := filepath.Join(t.TempDir(), "out.txt")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before, _ := f.Stat()
	if _, err := f.WriteString("log line\n"); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteBytes(fmt.Sprintf("/dev/fd/%d", f.Fd()), 0, []byte("report\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("after\n"); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, out); got != "log line\nreport\nafter\n" {
		t.Errorf("file holds %q", got)
	}
	if now, err := os.Stat(out); err != nil || !os.SameFile(before, now) {
		t.Errorf("the file behind the descriptor was replaced")
	}
	// A closed descriptor is an error, not a new file.
	if err := atomicfile.WriteBytes("/proc/self/fd/987654", 0, []byte("x")); err == nil {
		t.Errorf("a closed descriptor was written")
	}
}

// TestWriteDevStdout runs a child process whose standard output is a
// file, a pipe and /dev/null, and writes /dev/stdout from it: the output
// arrives and /dev/stdout stays a link.
func TestWriteDevStdout(t *testing.T) {
	if os.Getenv("ATOMICFILE_CHILD") == "stdout" {
		fmt.Print("before\n")
		if err := atomicfile.WriteBytes("/dev/stdout", 0, []byte("report\n")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Print("after\n")
		os.Exit(0)
	}
	t.Parallel()
	if fi, err := os.Lstat("/dev/stdout"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Skip("/dev/stdout is not a link here")
	}
	child := func(stdout io.Writer) error {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteDevStdout$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD=stdout")
		cmd.Stdout = stdout
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%w: %s", err, stderr.String())
		}
		return nil
	}
	out := filepath.Join(t.TempDir(), "out.txt")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := child(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := readString(t, out); got != "before\nreport\nafter\n" {
		t.Errorf("redirected to a file: %q", got)
	}
	var buf bytes.Buffer // a pipe
	if err := child(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "before\nreport\nafter\n" {
		t.Errorf("piped: %q", buf.String())
	}
	if err := child(nil); err != nil { // /dev/null
		t.Fatal(err)
	}
	if fi, err := os.Lstat("/dev/stdout"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("/dev/stdout is no longer a link")
	}
}

// TestWriteOwnerKeptAsRoot checks, as root, that a replaced file keeps
// its owner and group.
func TestWriteOwnerKeptAsRoot(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file away")
	}
	path := filepath.Join(t.TempDir(), "owned.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Skipf("chown: %v", err)
	}
	mustWrite(t, path, 0o644, "new")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 65534 || st.Gid != 65534 || fi.Mode().Perm() != 0o640 {
		t.Errorf("owner %d:%d mode %v, want 65534:65534 0640", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

// TestWriteUnprivileged runs the mode checks, and the refusal to replace a
// read-only file or write into a read-only directory, as an unprivileged
// user: directly when the tests are not root, in a child process running
// as nobody (65534) when they are.
func TestWriteUnprivileged(t *testing.T) {
	if os.Getenv("ATOMICFILE_CHILD") == "unprivileged" {
		unprivilegedChecks(t, os.Getenv("ATOMICFILE_DIR"))
		return
	}
	t.Parallel()
	if os.Geteuid() != 0 {
		unprivilegedChecks(t, t.TempDir())
		return
	}
	dir, err := os.MkdirTemp("", "atomicfile-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The test binary's own folder is root's: run a copy nobody can read.
	bin := filepath.Join(dir, "atomicfile.test")
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Skipf("read the test binary: %v", err)
	}
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(work, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestWriteUnprivileged$", "-test.v")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD=unprivileged", "ATOMICFILE_DIR="+work)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) || err == nil {
		if err != nil || !strings.Contains(string(out), "--- PASS: TestWriteUnprivileged") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	t.Skipf("cannot run the test binary as nobody: %v", err) // e.g. not readable by nobody
}

// unprivilegedChecks runs in dir as a user who is not root.
func unprivilegedChecks(t *testing.T, dir string) {
	if os.Geteuid() == 0 {
		t.Fatal("running as root")
	}
	checkModes(t, dir)
	ro := filepath.Join(dir, "read-only.json")
	if err := os.WriteFile(ro, []byte("keep"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteBytes(ro, 0, []byte("new")); err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Errorf("read-only file: error %v", err)
	}
	if err := atomicfile.CheckWritable(ro); err == nil {
		t.Errorf("CheckWritable accepted a read-only file")
	}
	if readString(t, ro) != "keep" {
		t.Errorf("a read-only file was replaced")
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	err := atomicfile.CheckWritable(filepath.Join(locked, "r.json"))
	if err == nil || !strings.Contains(err.Error(), "cannot create files in "+locked) || strings.Contains(err.Error(), "probe") {
		t.Errorf("read-only directory: %v", err)
	}
	if err := atomicfile.WriteBytes(filepath.Join(locked, "r.json"), 0, []byte("x")); err == nil || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("read-only directory write: %v", err)
	}
}
