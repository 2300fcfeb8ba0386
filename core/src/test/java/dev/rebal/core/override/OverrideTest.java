package dev.rebal.core.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverrideTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static Override.Builder waiver() {
    return Override.builder()
        .id("O-1")
        .household("HH-1")
        .kind(OverrideKind.WAIVE_RESTRICTION)
        .target("R-3")
        .actor("advisor.a")
        .reason("client instruction of 2026-06-29")
        .expires(AS_OF.plusDays(1));
  }

  @Test
  void build_withoutReason_throwsNamingReason() {
    assertThatThrownBy(() -> waiver().reason(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("override.reason: must not be blank, was ' '");
  }

  @Test
  void build_withoutActor_throwsNamingActor() {
    assertThatThrownBy(() -> waiver().actor(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("override.actor: must not be null");
  }

  @Test
  void checkApplicable_waiverWithoutSecondApprover_isRejected() {
    assertThatThrownBy(() -> waiver().build().checkApplicable(AS_OF))
        .isInstanceOf(OverrideRejectedException.class)
        .hasMessageContaining("overrides[O-1].secondApprover")
        .hasMessageContaining("two-person");
  }

  @Test
  void checkApplicable_waiverApprovedBySamePerson_isRejected() {
    assertThatThrownBy(() -> waiver().secondApprover("advisor.a").build().checkApplicable(AS_OF))
        .isInstanceOf(OverrideRejectedException.class)
        .hasMessageContaining("must differ");
  }

  @Test
  void checkApplicable_expired_isRejected() {
    Override o = waiver().secondApprover("cco.b").build();
    assertThatThrownBy(() -> o.checkApplicable(AS_OF.plusDays(2)))
        .isInstanceOf(OverrideRejectedException.class)
        .hasMessage(
            "overrides[O-1].expires: must not be before the as-of date 2026-07-02, "
                + "was 2026-07-01");
  }

  @Test
  void checkApplicable_twoPeopleOnLastDay_applies() {
    Override o = waiver().secondApprover("cco.b").build();
    assertThat(o.checkApplicable(AS_OF.plusDays(1))).isSameAs(o);
    assertThat(o.toString())
        .isEqualTo(
            "O-1 WAIVE_RESTRICTION R-3 by advisor.a (+cco.b) until "
                + "2026-07-01: client instruction of 2026-06-29");
  }

  @Test
  void checkApplicable_parameterChangeBySinglePerson_applies() {
    Override o =
        Override.builder()
            .id("O-2")
            .household("HH-1")
            .kind(OverrideKind.SET_PARAMETER)
            .target("band.absolute")
            .value("0.08")
            .actor("advisor.a")
            .reason("wide bands for a year")
            .expires(AS_OF)
            .build();
    assertThat(o.checkApplicable(AS_OF).value()).isEqualTo("0.08");
  }
}
