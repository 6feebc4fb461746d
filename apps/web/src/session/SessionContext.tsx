import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  type CurrentUser,
  fetchCurrentUser,
  logIn,
  logOut,
  type RegisterSchoolInput,
  registerSchool,
  type SignUpInput,
  signUp,
} from "../api/auth";

type SessionState =
  | { status: "loading"; user?: undefined }
  | { status: "ready"; user: CurrentUser | undefined };

export interface Session {
  status: SessionState["status"];
  user: CurrentUser | undefined;
  logIn(email: string, password: string): Promise<CurrentUser>;
  signUp(input: SignUpInput): Promise<CurrentUser>;
  registerSchool(input: RegisterSchoolInput): Promise<CurrentUser>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * Who is signed in. The session itself is an HttpOnly cookie set by the server; this context only
 * remembers the user the server reported, and asks again on every page load.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentUser(controller.signal).then(
      (user) => setState({ status: "ready", user }),
      () => {
        if (!controller.signal.aborted) setState({ status: "ready", user: undefined });
      },
    );
    return () => controller.abort();
  }, []);

  const doLogIn = useCallback(async (email: string, password: string) => {
    const user = await logIn(email, password);
    setState({ status: "ready", user });
    return user;
  }, []);
  const doSignUp = useCallback(async (input: SignUpInput) => {
    const user = await signUp(input);
    setState({ status: "ready", user });
    return user;
  }, []);
  const doRegisterSchool = useCallback(async (input: RegisterSchoolInput) => {
    const user = await registerSchool(input);
    setState({ status: "ready", user });
    return user;
  }, []);
  const doLogOut = useCallback(async () => {
    await logOut();
    setState({ status: "ready", user: undefined });
  }, []);

  const session = useMemo<Session>(
    () => ({
      status: state.status,
      user: state.user,
      logIn: doLogIn,
      signUp: doSignUp,
      registerSchool: doRegisterSchool,
      logOut: doLogOut,
    }),
    [state, doLogIn, doSignUp, doRegisterSchool, doLogOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() is used outside <SessionProvider>");
  return session;
}
