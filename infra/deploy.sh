#!/usr/bin/env bash
# Deploys Meldekette: builds the functions' jars, applies the Terraform in infra/, then gives alert-triage's
# Eventarc subscription its dead-letter topic (Eventarc manages that subscription, so Terraform cannot), builds
# the staff console with the deployment's Google sign-in client, and publishes the site (public/: report form,
# status page, console) to Firebase Hosting when the Firebase CLI is installed.
#   infra/deploy.sh                 uses infra/terraform.tfvars
#   infra/deploy.sh -auto-approve   any further arguments go to terraform apply
set -euo pipefail
cd "$(dirname "$0")/.."

command -v terraform >/dev/null || { echo "Terraform 1.5 or newer is required" >&2; exit 1; }
command -v gcloud >/dev/null || { echo "the Google Cloud CLI is required" >&2; exit 1; }
[ -f infra/terraform.tfvars ] || { echo "copy infra/terraform.tfvars.example to infra/terraform.tfvars and fill it in" >&2; exit 1; }

echo "Building the functions..."
mvn -B -q -DskipTests package

terraform -chdir=infra init -input=false
terraform -chdir=infra apply -input=false "$@"

project=$(terraform -chdir=infra console <<<'var.project_id' | tr -d '"')
region=$(terraform -chdir=infra console <<<'var.region' | tr -d '"')
number=$(gcloud projects describe "$project" --format='value(projectNumber)')
trigger=$(terraform -chdir=infra output -raw alert_trigger)
subscription=$(gcloud eventarc triggers describe "${trigger##*/}" --project="$project" --location="$region" \
  --format='value(transport.pubsub.subscription)')
gcloud pubsub subscriptions update "$subscription" --project="$project" \
  --dead-letter-topic="$(terraform -chdir=infra output -raw dead_letter_topic)" --max-delivery-attempts=10
gcloud pubsub subscriptions add-iam-policy-binding "$subscription" --project="$project" \
  --member="serviceAccount:service-${number}@gcp-sa-pubsub.iam.gserviceaccount.com" --role=roles/pubsub.subscriber

# The form's /api/report goes to report-intake in the region firebase.json names: it must be ours.
grep -q "\"region\": \"$region\"" firebase.json \
  || { echo "firebase.json rewrites /api/report to another region than $region; change it there" >&2; exit 1; }
# The console, built for Google sign-in with the client incident-lifecycle accepts (no role picker).
command -v npm >/dev/null || { echo "Node.js 18 or newer with npm builds the staff console" >&2; exit 1; }
npm ci --prefix console --no-audit --no-fund --loglevel=error
GOOGLE_CLIENT_ID=$(terraform -chdir=infra console <<<'var.console_oauth_client_id' | tr -d '"') node console/build.mjs
if command -v firebase >/dev/null; then
  firebase deploy --only hosting --project "$project" --non-interactive
else
  echo "The Firebase CLI is not installed: publish the site with"
  echo "  npx firebase-tools deploy --only hosting --project $project"
fi

echo
terraform -chdir=infra output function_urls
echo "Add the chat webhook URLs: gcloud secrets versions add incident-team-webhook --data-file=- (and dpo-management-webhook)"
