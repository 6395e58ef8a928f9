package check

import (
	"io/fs"

	"github.com/bangate/bangate/internal/policy"
)

// ListScope returns which sanctions lists the plan's profile applies, read
// from the data of the plan's policy bundle (builtin and the plan's policy
// directories) without compiling it: what a front end refreshes before it
// starts a session, by the rule (policy.ListScope) the session ages the
// lists with.
func ListScope(plan Plan, builtin fs.FS) (policy.ListScope, error) {
	origins, err := policy.Origins(builtin, plan.Policies.Dirs)
	if err != nil {
		return policy.ListScope{}, err
	}
	b, err := policy.LoadData(origins)
	if err != nil {
		return policy.ListScope{}, err
	}
	return b.ListScope(plan.Profile)
}
