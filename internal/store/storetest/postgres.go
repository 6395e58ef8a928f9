// Package storetest starts a real PostgreSQL server for tests: Debian's
// postgresql binaries (initdb, pg_ctl) on 127.0.0.1, in a temporary
// directory, stopped by its PID when the test binary ends.
package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Postgres is a PostgreSQL server started on first use. A test package
// declares one, calls URL from its tests and Stop from TestMain.
type Postgres struct {
	once sync.Once
	mu   sync.Mutex
	dir  string
	data string
	port int
	pid  int
	err  error
	skip string
	n    int
}

// binDir finds the directory holding initdb and pg_ctl: the PATH, then
// Debian's /usr/lib/postgresql/<version>/bin.
func binDir() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i]
		}
	}
	return ""
}

// URL returns the URL of a new, empty database on the server, starting
// the server on first use. Without the PostgreSQL binaries the test is
// skipped, unless CI is set: CI must run it.
func (p *Postgres) URL(tb testing.TB) string {
	tb.Helper()
	p.once.Do(p.start)
	if p.skip != "" {
		if os.Getenv("CI") != "" {
			tb.Fatalf("PostgreSQL is needed in CI: %s", p.skip)
		}
		tb.Skip(p.skip)
	}
	if p.err != nil {
		tb.Fatalf("start PostgreSQL: %v", p.err)
	}
	p.mu.Lock()
	p.n++
	name := fmt.Sprintf("bangate_test_%d", p.n)
	p.mu.Unlock()
	db, err := sql.Open("pgx", p.url("postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database %s: %v", name, err)
	}
	return p.url(name)
}

func (p *Postgres) url(db string) string {
	return fmt.Sprintf("postgres://bangate@127.0.0.1:%d/%s?sslmode=disable", p.port, db)
}

// start runs initdb and pg_ctl start, as the postgres user (or nobody)
// when this process is root, since PostgreSQL refuses to run as root.
func (p *Postgres) start() {
	bin := binDir()
	if bin == "" {
		p.skip = "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's postgresql package"
		return
	}
	var err error
	if p.dir, err = os.MkdirTemp("", "bangate-pg-"); err != nil {
		p.err = err
		return
	}
	p.data = filepath.Join(p.dir, "data")
	var runAs *user.User
	if os.Geteuid() == 0 {
		for _, name := range []string{"postgres", "nobody"} {
			if u, err := user.Lookup(name); err == nil {
				runAs = u
				break
			}
		}
		if runAs == nil {
			p.skip = "running as root and neither a postgres nor a nobody user exists to run PostgreSQL as"
			return
		}
		uid, _ := strconv.Atoi(runAs.Uid)
		gid, _ := strconv.Atoi(runAs.Gid)
		if err := os.Chown(p.dir, uid, gid); err != nil {
			p.err = err
			return
		}
	}
	if p.port, err = freePort(); err != nil {
		p.err = err
		return
	}
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		if runAs != nil {
			cmd = exec.Command("runuser", append([]string{"-u", runAs.Username, "--", filepath.Join(bin, name)}, args...)...)
		}
		cmd.Dir = p.dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	if err := run("initdb", "-D", p.data, "-U", "bangate", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"); err != nil {
		p.err = err
		return
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", p.port, p.dir)
	if err := run("pg_ctl", "-D", p.data, "-o", opts, "-l", filepath.Join(p.dir, "server.log"), "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(p.dir, "server.log"))
		p.err = fmt.Errorf("%w\n%s", err, log)
		return
	}
	b, err := os.ReadFile(filepath.Join(p.data, "postmaster.pid"))
	if err != nil {
		p.err = fmt.Errorf("read postmaster.pid: %w", err)
		return
	}
	first, _, _ := strings.Cut(string(b), "\n")
	if p.pid, err = strconv.Atoi(strings.TrimSpace(first)); err != nil {
		p.err = fmt.Errorf("postmaster.pid: %w", err)
	}
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer func() { _ = ln.Close() }()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Stop shuts the server down (fast shutdown: SIGINT to its PID), waits
// for it to end and removes its directory. It does nothing when the
// server was never started.
func (p *Postgres) Stop() {
	if p.pid > 0 {
		if err := syscall.Kill(p.pid, syscall.SIGINT); err == nil {
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				if err := syscall.Kill(p.pid, 0); errors.Is(err, syscall.ESRCH) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		p.pid = 0
	}
	if p.dir != "" {
		_ = os.RemoveAll(p.dir)
		p.dir = ""
	}
}
