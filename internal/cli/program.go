package cli

import (
	"fmt"
	"os"
	"runtime/debug"
)

// programID identifies the running executable for the screening index
// cache: its path, size and modification time, and the module version and
// VCS revision it was built from, so that a rebuilt or replaced binary
// never takes an index written by another for its own. It is empty, which
// disables the cache, when the executable cannot be found.
func programID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	id := fmt.Sprintf("%s %d %d", exe, info.Size(), info.ModTime().UnixNano())
	if bi, ok := debug.ReadBuildInfo(); ok {
		id += fmt.Sprintf(" %s %s %s", bi.GoVersion, bi.Main.Version, bi.Main.Sum)
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision", "vcs.time", "vcs.modified":
				id += " " + s.Key + "=" + s.Value
			}
		}
	}
	return id
}
