package io.authflow.e2e.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;

/** GreenMail's SMTP server inside this JVM: the inbox the Cognito stand-in delivers codes to. */
final class InboxServer extends StackPart {
  private GreenMail greenMail;

  InboxServer(Path logDir) {
    super("smtp-inbox", logDir);
  }

  @Override
  public void start() {
    try {
      greenMail =
          // Port 0: bound to a free port by the server itself; port() reads the one it got.
          new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    } catch (RuntimeException e) {
      throw failed(e.getMessage(), e);
    }
  }

  GreenMail greenMail() {
    return greenMail;
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  @Override
  public void close() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }
}
