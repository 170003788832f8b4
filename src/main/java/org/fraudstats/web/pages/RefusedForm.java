package org.fraudstats.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.web.portal.BadInput;
import org.springframework.ui.Model;

/**
 * A form page asked with a value it cannot use answers with itself, not an error page to go back from: 400, the form
 * as typed (as much of it as may be shown again), the one line of what is wrong under it and the fields at fault
 * marked (aria-invalid, described by that line). A press officer on a phone whose 起止 were the wrong way round had an
 * error page and a way back; a screen reader heard which field only from the sentence (accessibility tester).
 */
final class RefusedForm {

    private RefusedForm() {
    }

    /** The view again, with the form's values the caller has put back in the model and nothing computed. */
    static String show(String view, BadInput refused, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // the line may quote what was typed (a number pasted into 起): masked as everywhere
        model.addAttribute("error", DigitRuns.mask(refused.chinese()));
        model.addAttribute("invalid", refused.fields());
        model.addAttribute("refused", true);
        return view;
    }
}
