/**
 * The rehearsal of the cloud path (mvn -Plocal-stack, .ci/rehearse): the local stack kept running
 * on its own, with stand-ins of what a cloud run is given — Mailosaur's API over the stack's SMTP
 * inbox, a Selenium Grid relaying to its Appium — and the files a CI job would set. A normal run
 * (mvn verify) never loads it: it builds on {@code io.authflow.e2e.local}, never the other way.
 */
package io.authflow.e2e.rehearsal;
