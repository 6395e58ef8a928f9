package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bangate/bangate/internal/server"
)

// TestPageInChromium drives the web page in headless Chromium: sign in,
// check a banned vendor (FAIL with its authorities), clear a possible
// match with a reason, and find both in the history. Screenshots go to
// $BANGATE_SCREENSHOTS (a temporary directory when unset).
func TestPageInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if chromium, err = exec.LookPath("chromium-browser"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("chromium is not installed, and CI is set")
			}
			t.Skip("chromium is not installed")
		}
	}
	shots := os.Getenv("BANGATE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	signer, _ := keys(t)
	ts := newServer(t, "", func(o *server.Options) { o.Signer = signer })
	base := ts.http.URL

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")), chromedp.WindowSize(1280, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The deadline only guards against a browser that hangs: under -race,
	// with other packages' tests on the same two cores, the whole walk
	// through the pages has taken 31 s.
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			b, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644)
		})
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	var heading, body string
	check := func(name, date, shotName string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#name`)),
			chromedp.SendKeys(chromedp.CSS(`#name`), name),
			chromedp.SendKeys(chromedp.CSS(`#country`), "US"),
			chromedp.SetValue(chromedp.CSS(`#contract_date`), date),
			chromedp.SendKeys(chromedp.CSS(`#product`), "Endpoint security licence"),
			chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`h1.outcome`)),
			shot(shotName),
		)
		if err != nil {
			t.Fatalf("check %s: %v", name, err)
		}
		heading, body = text(`h1.outcome`), text(`main`)
	}

	// Sign in.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS(`#token`)),
		shot("01-signin"),
		chromedp.SendKeys(chromedp.CSS(`#token`), ts.tokens["reviewer"]),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
	); err != nil {
		t.Fatalf("sign in: %v", err)
	}

	// A banned vendor fails, citing the ICTS determination and FAR 52.204-23.
	check("Kaspersky Lab, Inc.", "2024-10-01", "02-kaspersky-fail")
	if heading != "FAIL" {
		t.Errorf("Kaspersky Lab, Inc.: heading %q, want FAIL\n%s", heading, body)
	}
	for _, want := range []string{"ICTS", "52.204-23", "effective", "Decision JSON", "Evidence record", "List snapshots used"} {
		if !strings.Contains(body, want) {
			t.Errorf("Kaspersky result does not say %q:\n%s", want, body)
		}
	}

	// A near miss goes to review; the reviewer clears it with a reason.
	check("Huawey Technologies", "2024-10-01", "03-near-miss-review")
	if heading != "REVIEW" {
		t.Fatalf("Huawey Technologies: heading %q, want REVIEW\n%s", heading, body)
	}
	// The near miss has two possible matches (section 889 and NS-CMIC):
	// the reviewer clears each with a reason.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/reviews"), chromedp.WaitVisible(chromedp.CSS(`#reason0`)), shot("04-review-queue")); err != nil {
		t.Fatalf("the review queue: %v", err)
	}
	var notice string
	for i := 0; ; i++ {
		if i == 5 {
			t.Fatalf("the review queue does not empty:\n%s", notice)
		}
		// A fresh queue has no notice; the notice is the answer to the POST.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/reviews"), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text(`main`), "No possible match awaits review") {
			break
		}
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`#reason0`), "Different company: Huawey Technologies LLC of Ohio, verified by its UEI"),
			chromedp.Click(chromedp.CSS(`section.review button[value=clear]`)),
			chromedp.WaitVisible(chromedp.CSS(`.notice`)),
		); err != nil {
			t.Fatalf("clear the review: %v", err)
		}
		notice = text(`main`)
	}
	if err := chromedp.Do(ctx, shot("05-review-cleared")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice, "Recorded") {
		t.Errorf("after clearing, the reviews page says:\n%s", notice)
	}

	// Both are in the history.
	var history string
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions"),
		chromedp.WaitVisible(chromedp.CSS(`#subject`)),
		chromedp.SendKeys(chromedp.CSS(`#subject`), "Kaspersky"),
		chromedp.SetValue(chromedp.CSS(`#outcome`), "fail"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		// The answer's field has the value as an attribute; the typed one has not.
		chromedp.WaitVisible(chromedp.CSS(`#subject[value="Kaspersky"]`)),
		shot("06-history-kaspersky"),
	); err != nil {
		t.Fatalf("history: %v", err)
	}
	history = text(`tbody`)
	if !strings.Contains(history, "FAIL") || !strings.Contains(history, "Kaspersky Lab, Inc.") {
		t.Errorf("history of Kaspersky:\n%s", history)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/decisions?subject=Huawey"),
		chromedp.WaitVisible(chromedp.CSS(`table`)),
		shot("07-history-review"),
	); err != nil {
		t.Fatalf("history: %v", err)
	}
	history = text(`tbody`)
	if !strings.Contains(history, "review") || !strings.Contains(history, "REVIEW") || !strings.Contains(history, "CLEARED") {
		t.Errorf("history of the cleared review (want the review decision and the clearing):\n%s", history)
	}
	// On a phone, the pages fit the screen's width.
	for _, path := range []string{"/", "/decisions", "/lists"} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+path),
			chromedp.WaitVisible(chromedp.CSS(`main h1`)), shot("08-phone"+strings.ReplaceAll(path, "/", "-"))); err != nil {
			t.Fatalf("phone %s: %v", path, err)
		}
		fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if !fits {
			t.Errorf("%s is wider than a phone's screen", path)
		}
	}
	t.Logf("screenshots in %s", shots)
}
