package io.diffusim.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Disjoint equal parts in order (docs/science.md §5.2, docs/spec-reference.md data.subset). */
class SubsetTest {

    private static final int PART_SIZE = 400;
    private static final int PARTS = 3;

    @Test
    void shouldSplitIntoDisjointConsecutiveEqualParts() {
        Dataset all = Moons.generate(PARTS * PART_SIZE, 9);
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < PARTS; p++) {
            Dataset part = Subset.of(all, p, PARTS);
            assertThat(part.size()).isEqualTo(PART_SIZE);
            double[] expected = all.points().get(NDArrayIndex.interval(p * PART_SIZE, (p + 1) * PART_SIZE),
                    NDArrayIndex.all()).dup().data().asDouble();
            assertThat(part.points().data().asDouble()).containsExactly(expected);
            assertThat(part.labels()).containsExactly(Arrays.copyOfRange(all.labels(), p * PART_SIZE, (p + 1) * PART_SIZE));
            for (int i = 0; i < PART_SIZE; i++) {
                assertThat(seen.add(Arrays.toString(part.points().getRow(i).toDoubleVector()))).isTrue();
            }
        }
        assertThat(seen).hasSize(PARTS * PART_SIZE);
    }

    @Test
    void shouldDropTheRemainderAndKeepTheWholeSetForOnePart() {
        Dataset ten = Line.generate(10, 1);
        assertThat(Subset.of(ten, 2, 3).size()).isEqualTo(3);
        assertThat(Subset.of(ten, io.diffusim.config.Subset.ALL)).isSameAs(ten);
    }

    @Test
    void shouldRejectBadParts() {
        Dataset ten = Line.generate(10, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> Subset.of(ten, 3, 3)).withMessageContaining("3");
        assertThatIllegalArgumentException().isThrownBy(() -> Subset.of(ten, 0, 0)).withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> Subset.of(ten, 0, 11)).withMessageContaining("11");
    }
}
