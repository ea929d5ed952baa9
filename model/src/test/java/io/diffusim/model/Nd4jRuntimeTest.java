package io.diffusim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jRuntimeTest {

    private static final int THREADS = 2;

    @Test
    void shouldApplyThreadLimitsAndDoubleDefaultsIdempotently() {
        Nd4jRuntime.configure(THREADS);
        Nd4jRuntime.configure(THREADS);

        assertThat(Nd4jRuntime.configuredThreads()).isEqualTo(THREADS);
        assertThat(Nd4j.getEnvironment().maxThreads()).isEqualTo(THREADS);
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(THREADS);
        assertThat(Nd4j.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(Nd4j.defaultFloatingPointType()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void shouldRejectANonPositiveThreadCount() {
        assertThatThrownBy(() -> Nd4jRuntime.configure(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
