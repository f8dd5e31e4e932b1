#!/usr/bin/env bash
# Deploys Meldekette to the project in infra/terraform.tfvars:
#   1. checks the tools, that firebase.json rewrites to the region Terraform deploys to, and the provider lock;
#   2. builds the functions' jars from clean (reproducible: an unchanged function is not redeployed);
#   3. creates the Terraform state bucket when it is missing (versioned), then init and apply;
#   4. gives alert-triage's Eventarc subscription its dead-letter topic (Eventarc manages that subscription,
#      so Terraform cannot);
#   5. builds the staff console with the deployment's Google sign-in client and publishes the site (public/:
#      report form, status page, console) to Firebase Hosting when the Firebase CLI is installed.
#   infra/deploy.sh                 uses infra/terraform.tfvars
#   infra/deploy.sh -auto-approve   any further arguments go to terraform apply
#   STATE_BUCKET=name infra/deploy.sh   another state bucket than <project>-meldekette-tfstate
set -euo pipefail
cd "$(dirname "$0")/.."

command -v terraform >/dev/null || { echo "Terraform 1.5 or newer is required" >&2; exit 1; }
command -v gcloud >/dev/null || { echo "the Google Cloud CLI is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 18 or newer with npm builds the staff console" >&2; exit 1; }
[ -f infra/terraform.tfvars ] || { echo "copy infra/terraform.tfvars.example to infra/terraform.tfvars and fill it in" >&2; exit 1; }

tfvar() { # the value of a variable set in terraform.tfvars, or $2
  local value
  value=$(sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\([^\"]*\)\".*/\1/p" infra/terraform.tfvars | head -1)
  echo "${value:-$2}"
}
project=$(tfvar project_id "")
region=$(tfvar region europe-west3)
[ -n "$project" ] || { echo "terraform.tfvars sets no project_id" >&2; exit 1; }

# The site's rewrites name a region; they must name ours, or the form and the console reach nothing.
if grep -o '"region": "[^"]*"' firebase.json | grep -v "\"region\": \"$region\"" >/dev/null; then
  echo "firebase.json rewrites to another region than $region; change its rewrites to \"$region\"" >&2
  exit 1
fi

echo "Building the functions from clean..."
mvn -B -ntp -q clean package -DskipTests

bucket=${STATE_BUCKET:-$project-meldekette-tfstate}
if ! gcloud storage buckets describe "gs://$bucket" --project="$project" >/dev/null 2>&1; then
  echo "Creating the Terraform state bucket gs://$bucket..."
  gcloud storage buckets create "gs://$bucket" --project="$project" --location="$region" \
    --uniform-bucket-level-access --public-access-prevention
  gcloud storage buckets update "gs://$bucket" --versioning
fi
terraform -chdir=infra init -input=false -backend-config="bucket=$bucket"
if [ ! -f infra/.terraform.lock.hcl ] || ! grep -q 'registry.terraform.io/hashicorp/time' infra/.terraform.lock.hcl; then
  # Only a machine that reaches the registry can write the lock; commit it afterwards.
  terraform -chdir=infra providers lock -platform=linux_amd64 -platform=darwin_arm64 -platform=darwin_amd64
  echo "infra/.terraform.lock.hcl written: commit it, so every later apply uses these providers."
fi
terraform -chdir=infra apply -input=false "$@"

number=$(gcloud projects describe "$project" --format='value(projectNumber)')
trigger=$(terraform -chdir=infra output -raw alert_trigger)
subscription=$(gcloud eventarc triggers describe "${trigger##*/}" --project="$project" --location="$region" \
  --format='value(transport.pubsub.subscription)')
gcloud pubsub subscriptions update "$subscription" --project="$project" \
  --dead-letter-topic="$(terraform -chdir=infra output -raw dead_letter_topic)" --max-delivery-attempts=10
gcloud pubsub subscriptions add-iam-policy-binding "$subscription" --project="$project" \
  --member="serviceAccount:service-${number}@gcp-sa-pubsub.iam.gserviceaccount.com" --role=roles/pubsub.subscriber

# The console, built for Google sign-in with the client incident-lifecycle accepts (no role picker).
npm ci --prefix console --no-audit --no-fund --loglevel=error
GOOGLE_CLIENT_ID=$(tfvar console_oauth_client_id "") node console/build.mjs
if command -v firebase >/dev/null; then
  firebase deploy --only hosting --project "$project" --non-interactive
else
  echo "The Firebase CLI is not installed: publish the site with"
  echo "  npx firebase-tools deploy --only hosting --project $project"
fi

echo
terraform -chdir=infra output function_urls
echo "Add the webhook URLs: gcloud secrets versions add incident-team-webhook --data-file=- (and dpo-management-webhook, on-call-webhook)"
