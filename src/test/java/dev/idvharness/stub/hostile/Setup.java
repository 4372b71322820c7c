package dev.idvharness.stub.hostile;

/** What must exist before a hostile request is sent; it provides the placeholders of the request. */
enum Setup {
  /** Nothing: the request needs no session. */
  NONE,
  /** CyberArk: a fresh password-only session: {@code $SID} and its UP {@code $MECH}. */
  LIVE_SESSION,
  /** CyberArk: that session, already ended with LoginSuccess. */
  AFTER_LOGIN_SUCCESS,
  /** CyberArk: that session, already ended with LoginFailure (three wrong passwords). */
  AFTER_LOGIN_FAILURE,
  /** IronVest: a fresh csid ({@code $CSID}) that is decided at its first call (convention p0). */
  FRESH_CSID,
  /** IronVest: that csid, already decided. */
  DECIDED_CSID
}
