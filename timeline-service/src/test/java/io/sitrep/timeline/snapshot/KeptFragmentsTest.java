package io.sitrep.timeline.snapshot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts kept by their inputs: rendered once while the inputs hold, for this build and the next only. */
class KeptFragmentsTest {

    private final List<String> rendered = new ArrayList<>();
    private final KeptFragments<String> kept = new KeptFragments<>();

    @Test
    void rendersEqualInputsOnceWithinABuildAndTheNext() {
        kept.nextBuild();
        String first = kept.get("incident v1", this::render);
        kept.get("incident v1", this::render);

        kept.nextBuild();
        String next = kept.get("incident v1", this::render);

        assertThat(rendered).containsExactly("incident v1");
        assertThat(next).isSameAs(first);
    }

    @Test
    void rendersChangedInputsAgain() {
        kept.nextBuild();
        kept.get("incident v1", this::render);

        kept.nextBuild();
        String changed = kept.get("incident v2", this::render);

        assertThat(rendered).containsExactly("incident v1", "incident v2");
        assertThat(changed).isEqualTo("<incident v2>");
    }

    @Test
    void letsGoOfPartsTheLastBuildDidNotUse() {
        kept.nextBuild();
        kept.get("incident v1", this::render);
        kept.nextBuild();
        kept.nextBuild();

        kept.get("incident v1", this::render);

        assertThat(rendered).containsExactly("incident v1", "incident v1");
    }

    private String render(String inputs) {
        rendered.add(inputs);
        return "<" + inputs + ">";
    }
}
