import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconClock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/errors.ts';
import { useSignIn } from '../../api/session.ts';
import { ThemeToggle } from '../../app/ThemeToggle.tsx';
import { Logo } from '../../components/Logo.tsx';

/** Email + password sign-in; the one-time link printed at first start signs in without this page. */
export default function SignInPage() {
  const search = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const client = useQueryClient();
  const signIn = useSignIn();
  useDocumentTitle('Sign in · Tandem');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: async () => {
          await client.refetchQueries({ queryKey: ['me'] });
          await navigate({ to: search.redirect ?? '/' });
        },
      },
    );
  };

  const error = signIn.error;
  const rateLimited = error instanceof ApiError && error.status === 429;
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

  return (
    <Center mih="100vh" p="md" className="sign-in-backdrop">
      <div style={{ position: 'fixed', top: 16, right: 16 }}>
        <ThemeToggle />
      </div>
      <Stack w="100%" maw={400} gap="lg">
        <Center>
          <Logo size={36} />
        </Center>
        <Paper withBorder shadow="sm" radius="lg" p="xl" component="main">
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3" id="sign-in-title">
                  Sign in
                </Title>
                <Text c="dimmed" size="sm">
                  One plan, a PM lens and a TPM lens.
                </Text>
              </div>
              {search.link === 'invalid' && !error && (
                <Alert
                  color="orange"
                  icon={<IconClock />}
                  title="That sign-in link no longer works"
                  role="alert"
                >
                  One-time links work once and expire after 15 minutes. Sign in with your email and password,
                  or ask a workspace admin for a new link.
                </Alert>
              )}
              {error && (
                <Alert
                  color={rateLimited ? 'orange' : 'red'}
                  icon={rateLimited ? <IconClock /> : <IconAlertCircle />}
                  title={
                    rateLimited
                      ? 'Too many attempts'
                      : error instanceof ApiError && error.status === 401
                        ? 'Wrong email or password'
                        : 'Could not sign in'
                  }
                  role="alert"
                >
                  {rateLimited
                    ? `For your account's safety, sign-in is paused after 5 attempts a minute. ${
                        error.retryAfter
                          ? `Try again in ${error.retryAfter} seconds.`
                          : 'Try again in a minute.'
                      }`
                    : error instanceof ApiError && error.status === 401
                      ? 'Check the email address and password and try again.'
                      : describeError(error)}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError('email')}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldError('password')}
              />
              <Button type="submit" loading={signIn.isPending} disabled={!email || !password} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text c="dimmed" size="xs" ta="center">
          First time here? Use the one-time sign-in link the server printed when it first started, or ask a
          workspace admin for an invitation.{' '}
          <Anchor href="/api/docs" size="xs">
            API docs
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
