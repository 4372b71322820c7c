package dev.idvharness.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.stub.cyberark.CyberArkData;
import dev.idvharness.vendor.cyberark.LoadUserLogin;
import dev.idvharness.vendor.ironvest.CsidConventions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load-user and csid conventions have one codec each: what the feeders write, the stub reads back. */
class VendorCodecsTest {

  @Test
  void aLoadUserLoginReadsBackWhatWasWritten() {
    LoadUserLogin written = LoadUserLogin.approvedAfter(2_000, true, true, "main-1-i0-vu7");

    assertThat(written.login()).isEqualTo("load.t2000.pod.repack.main-1-i0-vu7@idv.test");
    assertThat(LoadUserLogin.parse(written.login())).contains(written);
    assertThat(LoadUserLogin.parse("LOAD.P3.DENY.x@IDV.TEST")).hasValueSatisfying(user -> {
      assertThat(user.pendingPolls()).isEqualTo(3);
      assertThat(user.approveAfterMs()).isNull();
      assertThat(user.deny()).isTrue();
    });
    assertThat(LoadUserLogin.parse("load.t2000.x@example.com")).isEmpty();
    assertThat(LoadUserLogin.parse("load.pod.t2000.x@idv.test")).as("the tokens' order is the grammar's").isEmpty();
    assertThatThrownBy(() -> LoadUserLogin.approvedAfter(10, false, false, "has space"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLoadCsidReadsBackWhatWasWritten() {
    CsidConventions retried = CsidConventions.of(CsidConventions.loadCsid(3, 250, "run-vu1"));
    CsidConventions noHint = CsidConventions.of(CsidConventions.loadCsid(2, 0, "run-vu2"));

    assertThat(retried.processingCalls()).isEqualTo(3);
    assertThat(retried.retryAfterMs()).isEqualTo(250);
    assertThat(retried.noRetryAfter()).isFalse();
    assertThat(noHint.processingCalls()).isEqualTo(2);
    assertThat(noHint.noRetryAfter()).isTrue();
  }

  @Test
  void aDataFileThatStillCarriesALoadUserPatternIsToldToRemoveIt(@TempDir Path dir) throws Exception {
    String data = Files.readString(Path.of("stubs/data/cyberark.json"))
        .replace("\"like\": \"mfa.push@idv.test\"", "\"like\": \"mfa.push@idv.test\", \"pattern\": \"^load.*$\"");
    Path file = Files.writeString(dir.resolve("cyberark.json"), data);

    assertThatThrownBy(() -> CyberArkData.load(file)).hasMessageContaining("loadUsers.pattern is not read any more")
        .hasMessageContaining("remove it");
  }
}
